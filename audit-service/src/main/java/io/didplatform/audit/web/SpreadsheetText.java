package io.didplatform.audit.web;

/** Cell text that a spreadsheet will show as text, never run as a formula (CSV/formula injection). */
final class SpreadsheetText {
    private SpreadsheetText() {
    }

    static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        boolean formulaLike = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r' || first == '|' || first == '%';
        return formulaLike ? "'" + value : value;
    }
}
