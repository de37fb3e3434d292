package io.didplatform.inventory.command.did;

import io.didplatform.support.web.DomainException;

import java.util.Optional;
import java.util.regex.Pattern;

/** How numbers are written on input ({@code +1 (555) 000-0000}) and stored ({@code 15550000000}). */
public final class DidNumbers {
    public static final int MIN_DIGITS = 5;
    public static final int MAX_DIGITS = 15;
    private static final Pattern DECORATION = Pattern.compile("[+\\s\\-.()\\[\\]]");
    private static final Pattern VALID = Pattern.compile("\\d{" + MIN_DIGITS + "," + MAX_DIGITS + "}");

    private DidNumbers() {
    }

    /** The number with {@code +}, spaces, dashes, dots and brackets stripped, if it is then 5 to 15 digits. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = DECORATION.matcher(raw).replaceAll("");
        return isValid(digits) ? Optional.of(digits) : Optional.empty();
    }

    /** Like {@link #normalise} but refuses an invalid number with a 400 problem. */
    public static String require(String raw) {
        return normalise(raw).orElseThrow(() -> DomainException.invalid("INVALID_NUMBER", invalidReason(raw)));
    }

    public static boolean isValid(String number) {
        return number != null && VALID.matcher(number).matches();
    }

    public static String invalidReason(String raw) {
        return "'" + (raw == null ? "" : raw) + "' is not a valid number: " + MIN_DIGITS + " to " + MAX_DIGITS
                + " digits expected (+, spaces, dashes, dots and brackets are ignored)";
    }

    /** Digits only, for prefix searches: decoration stripped, no length rule. */
    public static String prefix(String raw) {
        return raw == null ? null : DECORATION.matcher(raw).replaceAll("");
    }
}
