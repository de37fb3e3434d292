package io.didplatform.support.web;

/**
 * Cell text that a spreadsheet shows as text, never runs as a formula (CSV/formula injection): text starting with
 * {@code = + - @ | %}, tab or CR is exported behind an apostrophe, and an import takes that apostrophe off again,
 * so an export imports back unchanged.
 */
public final class SpreadsheetText {
    private SpreadsheetText() {
    }

    public static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return formulaLike(value) ? "'" + value : value;
    }

    /** The text an exported cell stood for; anything that is not a neutralised cell is returned as it is. */
    public static String restored(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && formulaLike(cell.substring(1))
                ? cell.substring(1) : cell;
    }

    private static boolean formulaLike(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '|' || first == '%';
    }
}
