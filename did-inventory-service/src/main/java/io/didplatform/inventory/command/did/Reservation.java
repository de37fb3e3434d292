package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.DidReservationExpired;
import io.didplatform.contracts.inventory.DidReservationReleased;
import io.didplatform.contracts.inventory.DidReserved;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.support.web.DomainException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A DID's reservation: for which client and/or sales deal, until when, and the status it had before (what a
 * release or the expiry gives back). Only its client may take the DID while it lasts.
 */
record Reservation(String clientId, String deal, Instant until, DidStatus statusBefore) {
    static final int MAX_CLIENT_ID = 36;
    static final int MAX_DEAL = 200;
    /** As far ahead as a reservation may end: a deal longer than this is a sale, and every client reads the date. */
    static final Duration MAX_LENGTH = Duration.ofDays(3650);

    static Reservation of(DidReserved event) {
        return new Reservation(event.clientId(), event.deal(), event.reservedUntil(), event.previousStatus());
    }

    /** A new reservation of a DID now in {@code status}, its fields checked and its end kept as PostgreSQL keeps it. */
    static DidReserved start(String number, ReserveDid command, DidStatus status) {
        String clientId = trimmed(command.clientId(), "reservedFor.clientId", MAX_CLIENT_ID);
        String deal = trimmed(command.deal(), "reservedFor.deal", MAX_DEAL);
        if (clientId == null && deal == null) {
            throw DomainException.invalid("RESERVED_FOR_REQUIRED", "Say whom the DID is reserved for: a client id, a deal or both");
        }
        return new DidReserved(number, clientId, deal, end(command.reservedUntil(), command.now()), status);
    }

    /** A reservation's end: in the future, at most {@link #MAX_LENGTH} ahead, as precise as PostgreSQL keeps it. */
    static Instant end(Instant until, Instant now) {
        if (until == null) {
            throw DomainException.invalid("RESERVED_UNTIL_REQUIRED", "reservedUntil is required");
        }
        if (!until.isAfter(now)) {
            throw DomainException.invalid("RESERVATION_IN_PAST", "reservedUntil " + until + " is not in the future");
        }
        Instant latest = now.plus(MAX_LENGTH);
        if (until.isAfter(latest)) {
            throw DomainException.invalid("RESERVATION_TOO_LONG", "reservedUntil " + until
                    + " is more than 3650 days ahead; the latest end is " + latest.truncatedTo(ChronoUnit.SECONDS));
        }
        return until.truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether {@code client} may take the DID: only the reservation's own client (a deal alone names none). */
    boolean heldFor(String client) {
        return clientId != null && clientId.equals(client);
    }

    /** Whether the reservation is over by {@code time}; one extended to a later end is not. */
    boolean endedBy(Instant time) {
        return !until.isAfter(time);
    }

    DidReservationReleased release(String number) {
        return new DidReservationReleased(number, statusBefore);
    }

    DidReservationExpired expire(String number) {
        return new DidReservationExpired(number, statusBefore);
    }

    Reservation extendedTo(Instant later) {
        return new Reservation(clientId, deal, later, statusBefore);
    }

    private static String trimmed(String text, String field, int max) {
        String value = text == null || text.isBlank() ? null : text.trim();
        if (value != null && value.length() > max) {
            throw DomainException.invalid("TEXT_TOO_LONG", field + " longer than " + max + " characters");
        }
        return value;
    }
}
