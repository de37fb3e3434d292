package io.didplatform.audit.query.chain;

import io.didplatform.audit.query.projection.Projector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Every {@code did.audit.chain.root-every}, a root over the heads of the streams: root n hashes root n-1's hash and
 * the head of each stream that changed since, so the last root commits to every entry before it. A root is cut at
 * a log position with every event before it chained: the cut is read under the projection lock held exclusively,
 * which the writers hold shared while they store and chain. Several instances may try; the root's number is its
 * key, so one of them makes each root.
 */
@Component
public class ChainRoots {
    private static final Logger log = LoggerFactory.getLogger(ChainRoots.class);
    static final RowMapper<Root> ROOT = (rs, i) -> new Root(rs.getLong("n"), rs.getLong("up_to_seq"),
            rs.getLong("streams"), rs.getString("prev_hash"), rs.getString("hash"), rs.getTimestamp("made_at").toInstant());

    private final JdbcTemplate jdbc;
    private final Projector projector;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ChainRoots(JdbcTemplate jdbc, Projector projector, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.projector = projector;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A stored root. */
    public record Root(long n, long upToSeq, long streams, String prevHash, String hash, Instant madeAt) {
    }

    @Scheduled(fixedDelayString = "${did.audit.chain.root-every}", initialDelayString = "${did.audit.chain.root-every}")
    void scheduled() {
        make().ifPresent(root -> log.info("Audit chain root {} up to log position {} over {} changed streams: {}",
                root.n(), root.upToSeq(), root.streams(), root.hash()));
    }

    /** Makes the next root, unless nothing was stored since the last one or another instance made it. */
    public Optional<Root> make() {
        Long cut = transaction.execute(status -> {
            projector.lockExclusive();
            return jdbc.queryForObject("select coalesce(max(seq), 0) from audit_event", Long.class);
        });
        return transaction.execute(status -> {
            Optional<Root> last = jdbc.query("select * from audit_chain_root order by n desc limit 1", ROOT).stream()
                    .findFirst();
            long after = last.map(Root::upToSeq).orElse(0L);
            if (cut == null || cut <= after) {
                return Optional.empty();
            }
            long n = last.map(Root::n).orElse(0L) + 1;
            String prevHash = last.map(Root::hash).orElse(null);
            Computed computed = compute(n, after, cut, prevHash);
            int made = jdbc.update("""
                    insert into audit_chain_root (n, up_to_seq, streams, prev_hash, hash, made_at) values (?, ?, ?, ?, ?, ?)
                    on conflict (n) do nothing
                    """, n, cut, computed.streams(), prevHash, computed.hash(), Timestamp.from(clock.instant()));
            return made == 0 ? Optional.empty()
                    : Optional.of(new Root(n, cut, computed.streams(), prevHash, computed.hash(), clock.instant()));
        });
    }

    /** A root's hash recomputed from the chained entries at log positions (after, upTo]. */
    Computed compute(long n, long after, long upTo, String prevHash) {
        ChainHash hash = ChainHash.start(ChainHash.ROOT_VERSION).field(Long.toString(n)).field(Long.toString(upTo))
                .field(prevHash);
        long[] streams = {0};
        jdbc.query("""
                select stream, stream_seq, hash from (
                    select distinct on (stream) stream, stream_seq, hash from audit_event
                    where seq > ? and seq <= ? order by stream, stream_seq desc) as head
                order by stream collate "C"
                """, rs -> {
            hash.field(rs.getString("stream")).field(Long.toString(rs.getLong("stream_seq"))).field(rs.getString("hash"));
            streams[0]++;
        }, after, upTo);
        return new Computed(hash.hex(), streams[0]);
    }

    record Computed(String hash, long streams) {
    }
}
