package io.didplatform.audit.perf;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Grows the store quickly for the latency measurement: writes synthetic events straight into audit_event with
 * the history entries and DID versions the projector would have written for them (each filler DID: ten
 * DidRoutingChanged a minute apart), by SQL in chunks. Query-shaped only: a rebuild over them is not meaningful.
 */
final class StoreFiller {
    static final String HOT_DID = "39999999999";
    private static final long FILLER_BASE = 30_000_000_000L;
    private static final int EVENTS_PER_DID = 10;
    private static final int DIDS_PER_CHUNK = 20_000;
    private static final String FILL = """
            with ev as (
                select (? + d)::text as number, j, ? as last,
                       timestamptz '2024-01-01' + make_interval(secs => d) + make_interval(mins => j) as at
                from generate_series(?::int, ?::int) d, generate_series(1, ?) j
            ), log as (
                insert into audit_event (event_id, type, source, subject, actor, occurred_at, topic, data, cloud_event)
                select 'fill-' || number || '-' || j, 'did.DidRoutingChanged.v1', '/perf-fill', number, 'filler', at,
                       'did-inventory.events', jsonb_build_object('number', number, 'destination', 'sip:' || j || '@pbx'),
                       jsonb_build_object('specversion', '1.0', 'id', 'fill-' || number || '-' || j, 'source', '/perf-fill',
                                          'type', 'did.DidRoutingChanged.v1', 'subject', number, 'time', at,
                                          'data', jsonb_build_object('number', number, 'destination', 'sip:' || j || '@pbx'))
                from ev
                returning seq, event_id, subject, occurred_at
            ), hist as (
                insert into history_entry (event_id, seq, kind, entity_id, type, occurred_at, actor, changes)
                select event_id, seq, 'DID', subject, 'did.DidRoutingChanged.v1', occurred_at, 'filler',
                       jsonb_build_object('destination', jsonb_build_object('from', 'sip:old@pbx', 'to', 'sip:new@pbx'))
                from log
            )
            insert into did_version (number, seq, event_id, valid_from, valid_to, status, after_hold_status, operator_id,
                                     tag, notes, client_id, client_package_id, destination)
            select log.subject, log.seq, log.event_id, log.occurred_at,
                   case when ev.j = ev.last then null else log.occurred_at + interval '1 minute' end,
                   'ACTIVE', 'IN_STOCK', 'filler-operator', 'nyc', '', 'filler-client-' || (log.subject::bigint % 1000),
                   'filler-cp', 'sip:' || ev.j || '@pbx'
            from log join ev on log.event_id = 'fill-' || ev.number || '-' || ev.j
            """;

    private final JdbcTemplate jdbc;
    private int dids;
    private double seconds;

    StoreFiller(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String number(int did) {
        return String.valueOf(FILLER_BASE + did);
    }

    /**
     * Adds about {@code events} filler events over many DIDs, after those of an earlier run, and
     * {@code hotDidEvents} for {@link #HOT_DID} unless it has them already.
     */
    long fill(long events, int hotDidEvents) {
        long started = System.nanoTime();
        boolean hotExists = Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from did_version where number = ?)", Boolean.class, HOT_DID));
        long filled = hotExists ? 0 : chunk(Long.parseLong(HOT_DID), 0, 0, hotDidEvents);
        int firstFree = jdbc.queryForObject("select coalesce(max(number)::bigint - ? + 1, 0) from did_version"
                + " where number between ? and ?", Integer.class, FILLER_BASE, number(0), number(999_999_999));
        dids = firstFree + (int) Math.max(0, (events - filled) / EVENTS_PER_DID);
        for (int first = firstFree; first < dids; first += DIDS_PER_CHUNK) {
            filled += chunk(FILLER_BASE, first, Math.min(first + DIDS_PER_CHUNK, dids) - 1, EVENTS_PER_DID);
            if ((first / DIDS_PER_CHUNK) % 5 == 4) {
                System.out.printf("  filled %,d events, %.0f s%n", filled, (System.nanoTime() - started) / 1e9);
            }
        }
        jdbc.execute("analyze");
        seconds = (System.nanoTime() - started) / 1e9;
        return filled;
    }

    private long chunk(long base, int firstDid, int lastDid, int eventsPerDid) {
        return jdbc.update(FILL, base, eventsPerDid, firstDid, lastDid, eventsPerDid);
    }

    int dids() {
        return Math.max(dids, 1);
    }

    double seconds() {
        return seconds;
    }
}
