package io.didplatform.inventory.query.did;

import io.didplatform.support.reconcile.CheckResult;
import io.didplatform.support.reconcile.Difference;
import io.didplatform.support.reconcile.ReconciliationCheck;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

/** The kept DID counts ({@link DidCounts}) against did_view counted, in one snapshot: every count that differs. */
public class DidCountsCheck implements ReconciliationCheck {
    private static final String NAME = "did-counts-vs-view";
    private final JdbcTemplate jdbc;

    DidCountsCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return NAME;
    }

    private record Differing(String dimension, String value, String status, long counted, long kept) {
    }

    @Override
    public CheckResult run(int limit) {
        List<Differing> differing = jdbc.query("""
                with counted as (
                    select 'all' as dimension, '' as value, status, count(*) as n from did_view group by status
                    union all select 'operator', operator_id, status, count(*) from did_view group by operator_id, status
                    union all select 'tag', tag, status, count(*) from did_view where tag is not null group by tag, status
                    union all select 'client', client_id, status, count(*) from did_view
                        where client_id is not null group by client_id, status),
                kept as (
                    select dimension, value, status, sum(n) as n from (
                        select dimension, value, status, n from did_count
                        union all select dimension, value, status, n from did_count_delta) k
                    group by dimension, value, status having sum(n) <> 0)
                select coalesce(c.dimension, k.dimension) as dimension, coalesce(c.value, k.value) as value,
                       coalesce(c.status, k.status) as status, coalesce(c.n, 0) as counted, coalesce(k.n, 0) as kept
                from counted c full join kept k
                    on c.dimension = k.dimension and c.value = k.value and c.status = k.status
                where c.n is distinct from k.n
                order by 1, 2, 3
                """, (row, i) -> new Differing(row.getString("dimension"), row.getString("value"),
                row.getString("status"), row.getLong("counted"), row.getLong("kept")));
        List<Difference> differences = differing.stream().limit(limit).map(d -> new Difference(NAME, "COUNT_DIFFERS",
                List.of(d.dimension() + (d.value().isEmpty() ? "" : ":" + d.value()), d.status()),
                "did_view holds " + d.counted() + ", the kept count says " + d.kept())).toList();
        return new CheckResult(NAME, Map.of("countsDiffering", (long) differing.size()), differing.size(), differences);
    }
}
