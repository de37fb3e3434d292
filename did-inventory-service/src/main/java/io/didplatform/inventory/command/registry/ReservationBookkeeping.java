package io.didplatform.inventory.command.registry;

import io.didplatform.contracts.inventory.DidReservationExpired;
import io.didplatform.contracts.inventory.DidReservationExtended;
import io.didplatform.contracts.inventory.DidReservationReleased;
import io.didplatform.contracts.inventory.DidReserved;
import io.didplatform.support.axon.AxonSupportConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link DidReservations} in line with the DIDs' reservation events, in the transaction of the command
 * that applied them (the subscribing command-lookups processor, as {@link DidBookkeeping}).
 */
@Component
@ProcessingGroup(AxonSupportConfiguration.COMMAND_LOOKUPS)
class ReservationBookkeeping {
    private final DidReservations reservations;

    ReservationBookkeeping(DidReservations reservations) {
        this.reservations = reservations;
    }

    @EventHandler
    void on(DidReserved event) {
        reservations.reservedUntil(event.number(), event.reservedUntil());
    }

    @EventHandler
    void on(DidReservationExtended event) {
        reservations.reservedUntil(event.number(), event.reservedUntil());
    }

    @EventHandler
    void on(DidReservationReleased event) {
        reservations.ended(event.number());
    }

    @EventHandler
    void on(DidReservationExpired event) {
        reservations.ended(event.number());
    }
}
