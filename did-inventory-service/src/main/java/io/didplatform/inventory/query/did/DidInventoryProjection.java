package io.didplatform.inventory.query.did;

import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.inventory.DidBlocked;
import io.didplatform.contracts.inventory.DidChangeUndone;
import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.contracts.inventory.DidDeleted;
import io.didplatform.contracts.inventory.DidHeld;
import io.didplatform.contracts.inventory.DidReleased;
import io.didplatform.contracts.inventory.DidReservationExpired;
import io.didplatform.contracts.inventory.DidReservationExtended;
import io.didplatform.contracts.inventory.DidReservationReleased;
import io.didplatform.contracts.inventory.DidReserved;
import io.didplatform.contracts.inventory.DidRestored;
import io.didplatform.contracts.inventory.DidRoutingChanged;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.contracts.inventory.DidUnblocked;
import io.didplatform.contracts.inventory.DidUpdated;
import io.didplatform.support.jdbc.ColumnBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The DID read model ({@code did_view}). Every handler sets values rather than adding to them, so a replayed
 * event changes nothing. Writes are collected over the processor's batch and sent when it commits, in event
 * order: a run of creations as one multi-row insert, a run of the same change (a cascade's thousands of
 * DidHeld) as one JDBC batch, so a batch of events costs a few round trips rather than one per event.
 */
@Component
@ProcessingGroup(DidInventoryProjection.PROCESSING_GROUP)
public class DidInventoryProjection {
    public static final String PROCESSING_GROUP = "did-view";
    private static final String PENDING = DidInventoryProjection.class.getName() + ".pending";

    private final JdbcTemplate jdbc;

    DidInventoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A write waiting for the batch's commit: a creation, or a statement with its arguments. */
    private sealed interface Write {
    }

    private record Created(DidCreated event, Instant at) implements Write {
    }

    private record Statement(String sql, Object[] arguments) implements Write {
    }

    @EventHandler
    void on(DidCreated event, @Timestamp Instant at) {
        pending().add(new Created(event, at));
    }

    @EventHandler
    void on(DidUpdated event, @Timestamp Instant at) {
        update("status = ?, after_hold_status = ?, operator_id = ?, tag = ?, notes = ?", at, event.number(),
                event.status().name(), event.afterHoldStatus().name(), event.operatorId(), event.tag(), event.notes());
    }

    @EventHandler
    void on(DidDeleted event) {
        pending().add(new Statement("delete from did_view where number = ?", new Object[]{event.number()}));
    }

    /** An undone creation leaves the inventory; an undone edit sets the fields back; an undone deletion returns. */
    @EventHandler
    void on(DidChangeUndone event, @Timestamp Instant at) {
        switch (event.undone()) {
            case CREATION -> pending().add(new Statement("delete from did_view where number = ?",
                    new Object[]{event.number()}));
            case EDIT -> update("status = ?, after_hold_status = ?, operator_id = ?, tag = ?, notes = ?", at,
                    event.number(), event.status().name(), event.afterHoldStatus().name(), event.operatorId(),
                    event.tag(), event.notes());
            case DELETION -> pending().add(new Created(new DidCreated(event.number(), event.operatorId(),
                    event.status(), event.afterHoldStatus(), event.tag(), event.notes()), at));
        }
    }

    @EventHandler
    void on(DidAssigned event, @Timestamp Instant at) {
        update("status = 'ACTIVE', client_id = ?, client_package_id = ?, destination = ?, hold_until = null", at,
                event.number(), event.clientId(), event.clientPackageId(), event.destination());
    }

    @EventHandler
    void on(DidRoutingChanged event, @Timestamp Instant at) {
        update("destination = ?", at, event.number(), event.destination());
    }

    @EventHandler
    void on(DidBlocked event, @Timestamp Instant at) {
        update("status = 'BLOCKED'", at, event.number());
    }

    @EventHandler
    void on(DidUnblocked event, @Timestamp Instant at) {
        update("status = 'ACTIVE'", at, event.number());
    }

    @EventHandler
    void on(DidHeld event, @Timestamp Instant at) {
        update("status = 'HOLD', hold_until = ?, hold_reason = ?", at, event.number(),
                java.sql.Timestamp.from(event.holdUntil()), event.reason().name());
    }

    @EventHandler
    void on(DidRestored event, @Timestamp Instant at) {
        update("status = ?, hold_until = null, hold_reason = null", at, event.number(), event.status().name());
    }

    @EventHandler
    void on(DidReleased event, @Timestamp Instant at) {
        update("status = ?, client_id = null, client_package_id = null, destination = null, hold_until = null,"
                + " hold_reason = null", at, event.number(), event.status().name());
    }

    @EventHandler
    void on(DidReserved event, @Timestamp Instant at) {
        update("status = 'RESERVED', reserved_client_id = ?, reserved_deal = ?, reserved_until = ?", at, event.number(),
                event.clientId(), event.deal(), java.sql.Timestamp.from(event.reservedUntil()));
    }

    @EventHandler
    void on(DidReservationExtended event, @Timestamp Instant at) {
        update("reserved_until = ?", at, event.number(), java.sql.Timestamp.from(event.reservedUntil()));
    }

    @EventHandler
    void on(DidReservationReleased event, @Timestamp Instant at) {
        endReservation(event.number(), event.status(), at);
    }

    @EventHandler
    void on(DidReservationExpired event, @Timestamp Instant at) {
        endReservation(event.number(), event.status(), at);
    }

    private void endReservation(String number, DidStatus status, Instant at) {
        update("status = ?, reserved_client_id = null, reserved_deal = null, reserved_until = null", at, number,
                status.name());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from did_view");
    }

    private void update(String assignments, Instant at, String number, Object... values) {
        Object[] arguments = new Object[values.length + 2];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = java.sql.Timestamp.from(at);
        arguments[values.length + 1] = number;
        pending().add(new Statement("update did_view set " + assignments + ", updated_at = ? where number = ?", arguments));
    }

    private List<Write> pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            List<Write> writes = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> write(writes));
            return writes;
        });
    }

    /** Sends the writes in order, each run of creations or of one statement together. */
    private void write(List<Write> writes) {
        int from = 0;
        while (from < writes.size()) {
            Write first = writes.get(from);
            int to = from + 1;
            while (to < writes.size() && sameRun(first, writes.get(to))) {
                to++;
            }
            List<Write> run = writes.subList(from, to);
            if (first instanceof Statement statement) {
                jdbc.batchUpdate(statement.sql(), run.stream().map(write -> ((Statement) write).arguments()).toList());
            } else {
                insert(run.stream().map(write -> (Created) write).toList());
            }
            from = to;
        }
        writes.clear();
    }

    private static boolean sameRun(Write first, Write next) {
        return first instanceof Statement statement
                ? next instanceof Statement other && statement.sql().equals(other.sql())
                : next instanceof Created;
    }

    private void insert(List<Created> created) {
        ColumnBatch rows = new ColumnBatch("text", "text", "text", "text", "text", "text", "timestamptz");
        for (Created creation : created) {
            DidCreated event = creation.event();
            rows.add(event.number(), event.status(),
                    event.afterHoldStatus() == null ? DidStatus.IN_STOCK : event.afterHoldStatus(),
                    event.operatorId(), event.tag(), event.notes(), creation.at());
        }
        jdbc.update(rows.statement("""
                insert into did_view (number, status, after_hold_status, operator_id, tag, notes, created_at, updated_at)
                select n, s, h, o, t, x, c, c
                from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                            ?::timestamptz[]) as e(n, s, h, o, t, x, c)
                on conflict (number) do update set status = excluded.status,
                    after_hold_status = excluded.after_hold_status, operator_id = excluded.operator_id,
                    tag = excluded.tag, notes = excluded.notes, client_id = null, client_package_id = null,
                    destination = null, hold_until = null, reserved_client_id = null, reserved_deal = null,
                    reserved_until = null, created_at = excluded.created_at,
                    updated_at = excluded.updated_at"""));
    }
}
