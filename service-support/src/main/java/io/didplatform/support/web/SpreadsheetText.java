package io.didplatform.support.web;

/**
 * Cell text that a spreadsheet shows as text, never runs as a formula (CSV/formula injection): text starting with
 * {@code = + - @ | %}, tab or CR is exported behind an apostrophe, and an import takes that apostrophe off again,
 * so an export imports back unchanged. Text that already looks like such a cell ({@code '=x}) gets one more
 * apostrophe, so taking one off never changes what was stored.
 */
public final class SpreadsheetText {
    private SpreadsheetText() {
    }

    public static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return formulaLike(value) || neutralisedCell(value) ? "'" + value : value;
    }

    /** The text an exported cell stood for; anything that is not a neutralised cell is returned as it is. */
    public static String restored(String cell) {
        return cell != null && neutralisedCell(cell) ? cell.substring(1) : cell;
    }

    private static boolean neutralisedCell(String cell) {
        if (cell.length() < 2 || cell.charAt(0) != '\'') {
            return false;
        }
        String rest = cell.substring(1);
        return formulaLike(rest) || neutralisedCell(rest);
    }

    private static boolean formulaLike(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '|' || first == '%';
    }
}
