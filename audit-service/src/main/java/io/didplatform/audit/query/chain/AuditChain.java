package io.didplatform.audit.query.chain;

import io.didplatform.support.jdbc.ColumnBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Chains newly stored events to their streams, in the transaction that stores them. The heads of the streams a
 * batch extends are locked (in name order, so two writers never wait on each other in a cycle) before they are
 * read: a second instance, or a redelivery to another listener thread, extending the same stream waits and then
 * builds on the head the first one left. The unique (stream, stream_seq) index refuses a fork should anything
 * get past that. The chain depends only on the stored rows, so chaining them again gives the same hashes.
 */
@Component
public class AuditChain {
    private final JdbcTemplate jdbc;

    AuditChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Chains the stored events at these log positions, in log order within each stream. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void link(List<Long> seqs) {
        if (seqs.isEmpty()) {
            return;
        }
        List<ChainEntry> entries = jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    select seq, coalesce(subject, '') as stream, null::bigint as stream_seq, null as prev_hash,
                           null as hash, event_id, type, source, subject, actor, occurred_at, correlation_id,
                           causation_id, topic, data::text as data
                    from audit_event where seq = any(?) and hash is null order by seq
                    """);
            statement.setArray(1, connection.createArrayOf("int8", seqs.toArray()));
            return statement;
        }, ChainEntry.ROW);
        Map<String, Head> heads = lockHeads(new TreeSet<>(entries.stream().map(ChainEntry::stream).toList()));
        ColumnBatch links = new ColumnBatch("int8", "text", "int8", "text", "text");
        for (ChainEntry entry : entries) {
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
        ColumnBatch moved = new ColumnBatch("text", "int8", "text");
        heads.forEach((stream, head) -> moved.add(stream, head.length(), head.hash()));
        jdbc.update(moved.statement("""
                update audit_stream s set length = m.length, head_hash = m.head_hash
                from unnest(?, ?, ?) as m(stream, length, head_hash) where s.stream = m.stream
                """));
    }

    /** Chains every event stored before the chain existed (or left unchained), oldest first, page by page. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long linkUnchained() {
        long linked = 0;
        List<Long> page;
        do {
            page = jdbc.queryForList("select seq from audit_event where hash is null order by seq limit 5000", Long.class);
            link(page);
            linked += page.size();
        } while (!page.isEmpty());
        return linked;
    }

    private Map<String, Head> lockHeads(TreeSet<String> streams) {
        String[] names = streams.toArray(String[]::new);
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

    private record Head(long length, String hash) {
    }
}
