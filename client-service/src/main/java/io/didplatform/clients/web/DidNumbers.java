package io.didplatform.clients.web;

import io.didplatform.support.web.DomainException;

import java.util.regex.Pattern;

/** A DID number as DESIGN §5 defines it: 5 to 15 digits; {@code +} and spaces are stripped on input. */
final class DidNumbers {
    private static final Pattern NUMBER = Pattern.compile("[0-9]{5,15}");

    private DidNumbers() {
    }

    static String normalized(String number) {
        String stripped = number == null ? "" : number.replace("+", "").replace(" ", "");
        if (!NUMBER.matcher(stripped).matches()) {
            throw DomainException.invalid("INVALID_NUMBER", "A DID number is 5 to 15 digits, not '" + number + "'");
        }
        return stripped;
    }
}
