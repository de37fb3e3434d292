package io.didplatform.audit.query.chain;

import io.didplatform.audit.query.chain.ChainRoots.Root;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Recomputes the chain over a time range or one stream and says where it first disagrees with what is stored.
 * Each entry is checked on its own against the entry before it in its stream (read with it by the unique
 * (stream, stream_seq) index): its hash recomputed from its fields, its previous hash against that entry's hash.
 * Rows are read with a cursor, so memory stays flat: the cost is one indexed read and one SHA-256 per entry.
 */
@Component
public class ChainVerifier {
    private static final int FETCH_SIZE = 1000;
    private static final String ENTRIES = """
            select e.seq, e.stream, e.stream_seq, e.prev_hash, e.hash, e.event_id, e.type, e.source, e.subject, e.actor,
                   e.occurred_at, e.correlation_id, e.causation_id, e.topic, e.data::text as data,
                   p.hash as previous_entry_hash, p.seq is not null as has_previous_entry
            from audit_event e left join audit_event p on p.stream = e.stream and p.stream_seq = e.stream_seq - 1
            """;

    private final JdbcTemplate cursor;
    private final ChainRoots roots;
    private final AsReceived asReceived;

    ChainVerifier(DataSource dataSource, ChainRoots roots, AsReceived asReceived) {
        this.cursor = new JdbcTemplate(dataSource);
        // PostgreSQL streams rows with a cursor only inside a transaction and with a fetch size
        this.cursor.setFetchSize(FETCH_SIZE);
        this.roots = roots;
        this.asReceived = asReceived;
    }

    /** What was checked, and the first entry (in log order) or root that disagrees, null when none does. */
    public record Report(long verified, long checked, long rootsVerified, Mismatch firstMismatch, long tookMillis) {
    }

    /**
     * An entry or root that disagrees: {@code check} names what: {@code hash} (its fields were changed after it was
     * chained), {@code prevHash} (it does not follow the entry before it, changed or missing), {@code head} (the
     * stream's last entry is not its recorded head: entries removed or added), {@code unchained}, or {@code root}.
     * For {@code hash}, {@code changedFields} names the fields that differ from the event as received.
     */
    public record Mismatch(String check, String eventId, Long seq, String stream, Long streamSeq, Instant at,
                           String type, Long root, String expected, String stored, List<String> changedFields) {
    }

    /** Entries with a time in [from, to), and the roots made from {@code from} until the first one after {@code to}. */
    @Transactional(readOnly = true)
    public Report range(Instant from, Instant to) {
        long started = System.nanoTime();
        Tally tally = new Tally(asReceived);
        cursor.query(ENTRIES + " where e.occurred_at >= ? and e.occurred_at < ? order by e.seq",
                (RowCallbackHandler) rs -> tally.check(ChainEntry.ROW.mapRow(rs, 0),
                        rs.getBoolean("has_previous_entry"), rs.getString("previous_entry_hash")),
                Timestamp.from(from), Timestamp.from(to));
        List<Root> covering = cursor.query("""
                select * from audit_chain_root where made_at >= ? and n <= coalesce(
                    (select min(n) from audit_chain_root where made_at >= ?), (select max(n) from audit_chain_root))
                order by n
                """, ChainRoots.ROOT, Timestamp.from(from), Timestamp.from(to));
        long rootsVerified = checkRoots(covering, tally);
        return tally.report(rootsVerified, started);
    }

    /** Every entry of one stream (a DID's number, or another entity's id), and its recorded head. */
    @Transactional(readOnly = true)
    public Report stream(String stream) {
        long started = System.nanoTime();
        Tally tally = new Tally(asReceived);
        cursor.query(ENTRIES + " where e.stream = ? order by e.stream_seq",
                (RowCallbackHandler) rs -> tally.check(ChainEntry.ROW.mapRow(rs, 0),
                        rs.getBoolean("has_previous_entry"), rs.getString("previous_entry_hash")), stream);
        cursor.query("select length, head_hash from audit_stream where stream = ?", (RowCallbackHandler) rs -> {
            if (tally.firstMismatch == null && !Objects.equals(rs.getString("head_hash"), tally.lastHash)) {
                tally.firstMismatch = new Mismatch("head", null, null, stream, rs.getLong("length"), null, null, null,
                        rs.getString("head_hash"), tally.lastHash, List.of());
            }
        }, stream);
        return tally.report(0, started);
    }

    private long checkRoots(List<Root> covering, Tally tally) {
        long verified = 0;
        for (Root root : covering) {
            Root previous = cursor.query("select * from audit_chain_root where n = ?", ChainRoots.ROOT, root.n() - 1)
                    .stream().findFirst().orElse(null);
            String expectedPrev = previous == null ? null : previous.hash();
            String expected = roots.compute(root.n(), previous == null ? 0 : previous.upToSeq(), root.upToSeq(),
                    expectedPrev).hash();
            if (expected.equals(root.hash()) && Objects.equals(expectedPrev, root.prevHash())) {
                verified++;
            } else if (tally.firstMismatch == null) {
                tally.firstMismatch = new Mismatch("root", null, null, null, null, root.madeAt(), null, root.n(),
                        expected, root.hash(), List.of());
            }
        }
        return verified;
    }

    /** The running count over entries met in order. */
    private static final class Tally {
        private final AsReceived asReceived;
        long checked;
        long verified;
        Mismatch firstMismatch;
        String lastHash;

        Tally(AsReceived asReceived) {
            this.asReceived = asReceived;
        }

        void check(ChainEntry entry, boolean hasPrevious, String previousHash) {
            checked++;
            lastHash = entry.hash();
            Mismatch mismatch = mismatchOf(entry, hasPrevious, previousHash);
            if (mismatch == null) {
                verified++;
            } else if (firstMismatch == null) {
                firstMismatch = mismatch.check().equals("hash") ? withChangedFields(mismatch, entry) : mismatch;
            }
        }

        private Mismatch withChangedFields(Mismatch m, ChainEntry entry) {
            return new Mismatch(m.check(), m.eventId(), m.seq(), m.stream(), m.streamSeq(), m.at(), m.type(), m.root(),
                    m.expected(), m.stored(), asReceived.changedFields(entry));
        }

        private static Mismatch mismatchOf(ChainEntry entry, boolean hasPrevious, String previousHash) {
            if (entry.streamSeq() == null || entry.hash() == null) {
                return mismatch(entry, "unchained", "a hash", null);
            }
            String expected = entry.expectedHash(entry.streamSeq(), entry.prevHash());
            if (!expected.equals(entry.hash())) {
                return mismatch(entry, "hash", expected, entry.hash());
            }
            boolean first = entry.streamSeq() == 1;
            if (first ? entry.prevHash() != null : !hasPrevious || !previousHash.equals(entry.prevHash())) {
                return mismatch(entry, "prevHash", first ? null : hasPrevious ? previousHash : "(entry missing)",
                        entry.prevHash());
            }
            return null;
        }

        private static Mismatch mismatch(ChainEntry entry, String check, String expected, String stored) {
            return new Mismatch(check, entry.eventId(), entry.seq(), entry.stream(), entry.streamSeq(), entry.at(),
                    entry.type(), null, expected, stored, List.of());
        }

        Report report(long rootsVerified, long startedNanos) {
            return new Report(verified, checked, rootsVerified, firstMismatch,
                    Duration.ofNanos(System.nanoTime() - startedNanos).toMillis());
        }
    }
}
