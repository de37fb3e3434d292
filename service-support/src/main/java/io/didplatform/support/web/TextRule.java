package io.didplatform.support.web;

/**
 * The one rule for text entering the platform (JSON fields, query parameters, path variables, imported cells):
 * no control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F), no unpaired surrogates, no
 * bidirectional embeddings, overrides or isolates (U+202A–U+202E, U+2066–U+2069) and no invisible spaces
 * (U+200B, U+2060, U+FEFF). Free text ({@link FreeText}: notes, descriptions) may also hold TAB, LF and CR, the
 * line breaks a text area sends. Such characters break what reads the text later (PostgreSQL refuses U+0000 in
 * text and jsonb, an unpaired surrogate cannot be written as UTF-8 at all), or make one text look like another:
 * "Acme" with a zero-width space, or a name shown reversed. The joiners and marks real scripts and emoji need
 * (U+200C, U+200D, U+200E, U+200F) pass.
 */
public final class TextRule {
    /** The problem code of text that breaks the rule. */
    public static final String CODE = "INVALID_TEXT";

    private TextRule() {
    }

    /** Refuses text that breaks the rule with a 400 problem naming the field; null passes. */
    public static void require(String field, String value, boolean freeText) {
        String violation = violation(field, value, freeText);
        if (violation != null) {
            throw DomainException.invalid(CODE, violation);
        }
    }

    /**
     * What is wrong with {@code value}, as a sentence naming {@code field}, the character and its position
     * (counted in characters as a person sees them, from 1), or null when it keeps the rule.
     */
    public static String violation(String field, CharSequence value, boolean freeText) {
        if (value == null) {
            return null;
        }
        int position = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            position++;
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return field + " contains an unpaired surrogate (" + codePoint(c) + ") at position " + position
                        + ": it is not valid Unicode text";
            } else if (Character.getType(c) == Character.CONTROL && !(freeText && lineBreakOrTab(c))) {
                return field + " contains a control character (" + codePoint(c) + ") at position " + position
                        + (freeText ? "; only tab and line breaks are allowed" : "");
            } else if (bidirectionalControl(c)) {
                return field + " contains a bidirectional control character (" + codePoint(c) + ") at position "
                        + position + ": it changes the order in which the text is shown";
            } else if (invisibleSpace(c)) {
                return field + " contains an invisible character (" + codePoint(c) + ") at position " + position;
            }
        }
        return null;
    }

    private static boolean bidirectionalControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static boolean invisibleSpace(char c) {
        return c == '\u200B' || c == '\u2060' || c == '\uFEFF';
    }

    private static boolean lineBreakOrTab(char c) {
        return c == '\t' || c == '\n' || c == '\r';
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
