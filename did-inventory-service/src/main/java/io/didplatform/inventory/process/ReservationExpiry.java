package io.didplatform.inventory.process;

import io.didplatform.inventory.command.did.EndReservation;
import io.didplatform.inventory.command.registry.DidReservations;
import io.didplatform.inventory.config.HoldSettings;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Ends the reservations whose end has passed, as {@link HoldExpiry} ends holds: looks in {@code did_reservation}
 * at start-up and then every {@code did.reservation.expiry.poll-interval} (one instance at a time) and sends each
 * DID {@link EndReservation}, which returns it to its status before unless it was released, taken or extended.
 */
@Component
class ReservationExpiry extends DuePoller {
    private final DidReservations reservations;

    ReservationExpiry(DidReservations reservations, CommandBatch commands, HoldSettings settings, Clock clock) {
        super(commands, settings.cascade().batchSize(), clock);
        this.reservations = reservations;
    }

    @EventListener(ApplicationReadyEvent.class)
    @SchedulerLock(name = "reservation-expiry")
    @Scheduled(fixedDelayString = "${did.reservation.expiry.poll-interval}",
            initialDelayString = "${did.reservation.expiry.poll-interval}")
    void endDueReservations() {
        sendDue();
    }

    @Override
    List<String> due(Instant now, int limit) {
        return reservations.endedBy(now, limit);
    }

    @Override
    Object end(String number, Instant now) {
        return new EndReservation(number, now);
    }
}
