package io.didplatform.inventory.web;

import io.didplatform.contracts.DidNumber;
import io.didplatform.inventory.command.did.ExtendReservation;
import io.didplatform.inventory.command.did.ReleaseReservation;
import io.didplatform.inventory.command.did.ReserveDid;
import io.didplatform.inventory.config.DidSettings;
import io.didplatform.inventory.query.did.ReservationResponse;
import io.didplatform.inventory.query.did.ReservationSearch;
import io.didplatform.support.web.DomainException;
import io.didplatform.support.web.FreeText;
import io.didplatform.support.web.LateArrivals;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;

/**
 * A DID's reservation (docs/api.md, "Reservations"): reserve an IN_STOCK DID for a client and/or a sales deal until a
 * time, extend it, release it. At its end it returns to its status before by itself (process.ReservationExpiry).
 * Each answer is the reservation as the read model shows it once it caught up (or, after the wait, as asked).
 */
@RestController
@RequestMapping("/api/dids/{number}/reservation")
class ReservationController {
    private final CommandGateway commands;
    private final ReservationSearch reservations;
    private final Clock clock;
    private final Duration readWait;

    ReservationController(CommandGateway commands, ReservationSearch reservations, Clock clock, DidSettings dids) {
        this.commands = commands;
        this.reservations = reservations;
        this.clock = clock;
        this.readWait = dids.readWait();
    }

    /** For whom: a client id, a deal (free text) or both; only the client may take the DID while it lasts. */
    record ReservedFor(@Size(max = 36) String clientId, @FreeText @Size(max = 200) String deal) {
    }

    record Reserve(@Valid ReservedFor reservedFor, Instant reservedUntil) {
    }

    record Extend(Instant reservedUntil) {
    }

    @GetMapping
    ReservationResponse get(@PathVariable String number) {
        String normalised = DidNumber.normalise(number);
        return reservations.find(normalised)
                .orElseThrow(() -> DomainException.notFound("DID_NOT_FOUND", "No DID " + normalised));
    }

    @PostMapping
    ReservationResponse reserve(@PathVariable String number, @Valid @RequestBody Reserve request) {
        String normalised = DidNumber.normalise(number);
        ReservedFor reservedFor = request.reservedFor() == null ? new ReservedFor(null, null) : request.reservedFor();
        commands.sendAndWait(new ReserveDid(normalised, reservedFor.clientId(), reservedFor.deal(),
                request.reservedUntil(), clock.instant()));
        return shown(normalised, view -> endsAt(view, request.reservedUntil()));
    }

    @PostMapping("/extend")
    ReservationResponse extend(@PathVariable String number, @RequestBody Extend request) {
        String normalised = DidNumber.normalise(number);
        commands.sendAndWait(new ExtendReservation(normalised, request.reservedUntil(), clock.instant()));
        return shown(normalised, view -> endsAt(view, request.reservedUntil()));
    }

    @PostMapping("/release")
    ReservationResponse release(@PathVariable String number) {
        String normalised = DidNumber.normalise(number);
        commands.sendAndWait(new ReleaseReservation(normalised));
        return shown(normalised, view -> !view.reserved());
    }

    @DeleteMapping
    ReservationResponse delete(@PathVariable String number) {
        return release(number);
    }

    private ReservationResponse shown(String number, Predicate<ReservationResponse> caughtUp) {
        return LateArrivals.await(() -> reservations.find(number).filter(caughtUp), readWait)
                .or(() -> reservations.find(number))
                .orElseThrow(() -> DomainException.notFound("DID_NOT_FOUND", "No DID " + number));
    }

    /** Whether the view shows the reservation ending at {@code until} (kept to the microsecond). */
    private static boolean endsAt(ReservationResponse view, Instant until) {
        return view.reserved() && view.reservedUntil().equals(until.truncatedTo(ChronoUnit.MICROS));
    }
}
