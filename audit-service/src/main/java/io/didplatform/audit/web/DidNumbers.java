package io.didplatform.audit.web;

import io.didplatform.support.web.DomainException;

import java.util.regex.Pattern;

/** A DID number as given in a path: {@code +} and spaces are dropped; what is left must be 5 to 15 digits. */
final class DidNumbers {
    private static final Pattern DIGITS = Pattern.compile("\\d{5,15}");

    private DidNumbers() {
    }

    static String normalised(String input) {
        String number = input.replace("+", "").replace(" ", "");
        if (!DIGITS.matcher(number).matches()) {
            throw DomainException.invalid("INVALID_NUMBER", "'" + input + "' is not a DID number (5 to 15 digits)");
        }
        return number;
    }
}
