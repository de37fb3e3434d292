package io.didplatform.audit.query.chain;

import io.didplatform.support.jdbc.ColumnBatch;
import io.didplatform.support.kafka.InboundEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chains events to their streams. New events are chained before they are inserted, in the transaction that stores
 * them, so each row is written once: the heads of the streams a batch extends are locked (in name order, so two
 * writers never wait on each other in a cycle) before the batch's events are looked up in the log and the new
 * ones chained. A second instance, or a redelivery to another listener thread, extending the same stream waits
 * for that lock and then finds the first one's events stored and its head moved; the unique (stream, stream_seq)
 * index refuses a fork should anything get past it. The hashes depend only on what is stored, so chaining the
 * stored rows again gives the same hashes.
 */
@Component
public class AuditChain {
    private final JdbcTemplate jdbc;

    AuditChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An event's link: its place in its stream and its hash. */
    public record Link(String stream, long streamSeq, String prevHash, String hash) {
    }

    /**
     * The events as PostgreSQL will store them (payload as jsonb prints it, time to the microsecond as it rounds),
     * which is what the hash covers; asked of the database before the transaction, as it takes no lock.
     */
    public List<ChainEntry> prepare(List<InboundEvent> events, List<String> topics) {
        List<String> data = events.stream().map(e -> e.data() == null || e.data().isEmpty() ? null : e.data()).toList();
        List<String> times = events.stream().map(e -> e.time().toString()).toList();
        List<ChainEntry> entries = new ArrayList<>(events.size());
        List<Object[]> stored = jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    select cast(d as jsonb)::text as data, cast(t as timestamptz) as at
                    from unnest(?::text[], ?::text[]) with ordinality as r(d, t, n) order by n
                    """);
            statement.setArray(1, connection.createArrayOf("text", data.toArray()));
            statement.setArray(2, connection.createArrayOf("text", times.toArray()));
            return statement;
        }, (rs, i) -> new Object[]{rs.getString("data"), rs.getTimestamp("at")});
        for (int i = 0; i < events.size(); i++) {
            InboundEvent e = events.get(i);
            entries.add(new ChainEntry(0, ChainEntry.streamOf(e.subject()), null, null, null, e.id(), e.type(),
                    e.source(), e.subject(), e.actor(), ((Timestamp) stored.get(i)[1]).toInstant(), e.correlationId(),
                    e.causationId(), topics.get(i), (String) stored.get(i)[0]));
        }
        return entries;
    }

    /**
     * Chains the entries not stored yet, in the order given (an event given twice, once), and moves their streams'
     * heads; returns their links by event id, for the insert in the same transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Link> link(List<ChainEntry> entries) {
        if (entries.isEmpty()) {
            return Map.of();
        }
        Map<String, Head> heads = lockHeads(entries);
        Set<String> seen = new HashSet<>(stored(entries.stream().map(ChainEntry::eventId).toList()));
        Map<String, Link> links = new LinkedHashMap<>();
        for (ChainEntry entry : entries) {
            if (seen.add(entry.eventId())) {
                Head head = heads.get(entry.stream());
                long position = head.length() + 1;
                String hash = entry.expectedHash(position, head.hash());
                links.put(entry.eventId(), new Link(entry.stream(), position, head.hash(), hash));
                heads.put(entry.stream(), new Head(position, hash));
            }
        }
        moveHeads(heads);
        return links;
    }

    /** Chains every event stored before the chain existed (or left unchained), oldest first, page by page. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long chainStored() {
        long linked = 0;
        List<ChainEntry> page;
        do {
            page = jdbc.query("""
                    select seq, coalesce(subject, '') as stream, null::bigint as stream_seq, null as prev_hash,
                           null as hash, event_id, type, source, subject, actor, occurred_at, correlation_id,
                           causation_id, topic, data::text as data
                    from audit_event where hash is null order by seq limit 5000
                    """, ChainEntry.ROW);
            if (page.isEmpty()) {
                break;
            }
            Map<String, Head> heads = lockHeads(page);
            ColumnBatch links = new ColumnBatch("int8", "text", "int8", "text", "text");
            for (ChainEntry entry : page) {
                Head head = heads.get(entry.stream());
                long position = head.length() + 1;
                String hash = entry.expectedHash(position, head.hash());
                links.add(entry.seq(), entry.stream(), position, head.hash(), hash);
                heads.put(entry.stream(), new Head(position, hash));
            }
            jdbc.update(links.statement("""
                    update audit_event e set stream = l.stream, stream_seq = l.stream_seq, prev_hash = l.prev_hash,
                                             hash = l.hash
                    from unnest(?, ?, ?, ?, ?) as l(seq, stream, stream_seq, prev_hash, hash)
                    where e.seq = l.seq
                    """));
            moveHeads(heads);
            linked += page.size();
        } while (true);
        return linked;
    }

    private List<String> stored(List<String> eventIds) {
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement("select event_id from audit_event where event_id = any(?)");
            statement.setArray(1, connection.createArrayOf("text", eventIds.toArray()));
            return statement;
        }, (rs, i) -> rs.getString(1));
    }

    private Map<String, Head> lockHeads(List<ChainEntry> entries) {
        String[] names = new TreeSet<>(entries.stream().map(ChainEntry::stream).toList()).toArray(String[]::new);
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    insert into audit_stream (stream, length) select s, 0 from unnest(?::text[]) as s order by s
                    on conflict (stream) do nothing
                    """);
            statement.setArray(1, connection.createArrayOf("text", names));
            return statement;
        });
        Map<String, Head> heads = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(
                    "select stream, length, head_hash from audit_stream where stream = any(?) order by stream for update");
            statement.setArray(1, connection.createArrayOf("text", names));
            return statement;
        }, rs -> {
            heads.put(rs.getString("stream"), new Head(rs.getLong("length"), rs.getString("head_hash")));
        });
        return heads;
    }

    private void moveHeads(Map<String, Head> heads) {
        ColumnBatch moved = new ColumnBatch("text", "int8", "text");
        heads.forEach((stream, head) -> moved.add(stream, head.length(), head.hash()));
        jdbc.update(moved.statement("""
                update audit_stream s set length = m.length, head_hash = m.head_hash
                from unnest(?, ?, ?) as m(stream, length, head_hash) where s.stream = m.stream and s.length <> m.length
                """));
    }

    private record Head(long length, String hash) {
    }
}
