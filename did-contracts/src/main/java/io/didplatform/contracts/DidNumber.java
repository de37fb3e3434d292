package io.didplatform.contracts;

import java.util.regex.Pattern;

/**
 * The one rule for DID numbers, on every API and on the wire: a number is stored and published as digits only, 5 to
 * 15 of them. People write numbers decorated ({@code +1 (555) 000-0000}, {@code 555.000.0000}): a leading or inner
 * {@code +}, spaces, dashes, dots and brackets are stripped on input, anything else is refused. The admin UI mirrors
 * this rule in {@code gateway/.../static/js/numbers.js}; both are checked against the same vectors
 * ({@code did-contracts/src/test/resources/did-numbers.json}).
 */
public final class DidNumber {
    public static final int MIN_DIGITS = 5;
    public static final int MAX_DIGITS = 15;

    /** {@code +}, dashes, dots, round and square brackets, and whitespace: space, tab, CR, LF, FF, VT, no-break space. */
    private static final Pattern SEPARATORS = Pattern.compile("[+\\-.()\\[\\] \\t\\r\\n\\f\\u000B\\u00A0]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{" + MIN_DIGITS + "," + MAX_DIGITS + "}");
    private static final Pattern PREFIX = Pattern.compile("[0-9]{0," + MAX_DIGITS + "}");

    private DidNumber() {
    }

    /** The number's digits, separators stripped; refused when they are not 5 to 15 digits. */
    public static String normalise(String written) {
        String digits = stripped(written);
        if (!isNormalised(digits)) {
            throw new InvalidDidNumberException(refusal(written));
        }
        return digits;
    }

    /** Whether this is a number as stored: 5 to 15 digits, nothing else. */
    public static boolean isNormalised(String number) {
        return number != null && DIGITS.matcher(number).matches();
    }

    /**
     * The start of a number, for searches: separators stripped, what is left must be digits (at most 15; none
     * selects every number). {@code null} stays {@code null}.
     */
    public static String prefix(String written) {
        if (written == null) {
            return null;
        }
        String digits = stripped(written);
        if (!PREFIX.matcher(digits).matches()) {
            throw new InvalidDidNumberException("'" + written + "' is not the start of a number: digits only, at most "
                    + MAX_DIGITS + " (+, spaces, dashes, dots and brackets are ignored)");
        }
        return digits;
    }

    /** Why {@code written} is not a number, in words a caller can act on. */
    public static String refusal(String written) {
        return "'" + (written == null ? "" : written) + "' is not a valid number: " + MIN_DIGITS + " to " + MAX_DIGITS
                + " digits expected (+, spaces, dashes, dots and brackets are ignored)";
    }

    private static String stripped(String written) {
        return written == null ? "" : SEPARATORS.matcher(written).replaceAll("");
    }
}
