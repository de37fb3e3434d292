package io.didplatform.clients.web;

import io.didplatform.support.web.DomainException;

import java.util.regex.Pattern;

/** Where a DID's calls may be routed: a {@code sip:}/{@code sips:} URI, a {@code tel:} URI, or plain digits. */
final class Destinations {
    static final int MAX_LENGTH = 255;
    private static final String HOST = "(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+])(?::\\d{1,5})?";
    private static final Pattern SIP = Pattern.compile(
            "(?i)sips?:(?:[^\\s@<>\"]+@)?" + HOST + "(?:[;?][^\\s<>\"]*)?");
    private static final Pattern TEL = Pattern.compile("(?i)tel:\\+?[0-9*#]+(?:[-.()][0-9*#]+)*(?:;[a-z0-9-]+(?:=[^;\\s]+)?)*");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private Destinations() {
    }

    /** The destination, trimmed, or a 400 saying what is wrong with it. */
    static String valid(String destination) {
        if (destination == null || destination.isBlank()) {
            throw DomainException.invalid("INVALID_DESTINATION", "destination is required");
        }
        String trimmed = destination.trim();
        if (trimmed.length() > MAX_LENGTH) {
            throw DomainException.invalid("INVALID_DESTINATION", "destination must be at most " + MAX_LENGTH + " characters");
        }
        if (!SIP.matcher(trimmed).matches() && !TEL.matcher(trimmed).matches() && !DIGITS.matcher(trimmed).matches()) {
            throw DomainException.invalid("INVALID_DESTINATION",
                    "destination must be a sip: or sips: URI, a tel: URI, or digits, not '" + trimmed + "'");
        }
        return trimmed;
    }
}
