package io.didplatform.inventory.query.did;

import io.didplatform.contracts.inventory.DidStatus;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The DIDs per status, in all and per operator, tag and client, kept by did_view's triggers (migration V52) so that
 * a page's counts read a few rows instead of counting millions: {@code did_count} plus the deltas not folded into it
 * yet. Another filter (a number prefix, or two fields at once) is counted on did_view.
 */
@Component
public class DidCounts {
    private final JdbcTemplate jdbc;

    DidCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The counts per status of what the filter (its status left out) selects, when they are kept. */
    public Optional<Map<DidStatus, Long>> kept(DidFilter filter) {
        if (!blank(filter.numberPrefix())) {
            return Optional.empty();
        }
        String dimension = "all";
        String value = "";
        int fields = 0;
        if (!blank(filter.operatorId())) {
            dimension = "operator";
            value = filter.operatorId();
            fields++;
        }
        if (!blank(filter.tag())) {
            dimension = "tag";
            value = filter.tag();
            fields++;
        }
        if (!blank(filter.clientId())) {
            dimension = "client";
            value = filter.clientId();
            fields++;
        }
        if (fields > 1) {
            return Optional.empty();
        }
        Map<DidStatus, Long> counts = new EnumMap<>(DidStatus.class);
        jdbc.query("""
                select status, sum(n) from (
                    select status, n from did_count where dimension = ? and value = ?
                    union all
                    select status, n from did_count_delta where dimension = ? and value = ?) kept
                group by status
                """, (RowCallbackHandler) row -> counts.put(DidStatus.valueOf(row.getString(1)), row.getLong(2)),
                dimension, value, dimension, value);
        return Optional.of(counts);
    }

    /**
     * Moves the deltas into the counts, in one transaction, so a read sees them in one place or the other; one
     * instance at a time (two folding at once would lock the same count rows in different orders).
     */
    @Transactional
    @SchedulerLock(name = "did-count-fold")
    @Scheduled(fixedDelayString = "${did.counts.fold-interval}", initialDelayString = "${did.counts.fold-interval}")
    public void fold() {
        jdbc.update("""
                with moved as (delete from did_count_delta returning dimension, value, status, n)
                insert into did_count (dimension, value, status, n)
                select dimension, value, status, sum(n) from moved group by dimension, value, status
                on conflict (dimension, value, status) do update set n = did_count.n + excluded.n
                """);
        jdbc.update("delete from did_count where n = 0");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
