package io.didplatform.testing;

/** Numbers as people write them, for tests that every endpoint taking a number reads them as the same DID. */
public final class WrittenNumbers {

    private WrittenNumbers() {
    }

    /**
     * An 11-digit number written like {@code +1 (555) 000-0000}: a leading {@code +}, the area code in brackets,
     * spaces and a dash.
     */
    public static String decorated(String elevenDigits) {
        if (!elevenDigits.matches("[0-9]{11}")) {
            throw new IllegalArgumentException("11 digits expected, not " + elevenDigits);
        }
        return "+" + elevenDigits.charAt(0) + " (" + elevenDigits.substring(1, 4) + ") " + elevenDigits.substring(4, 7)
                + "-" + elevenDigits.substring(7);
    }
}
