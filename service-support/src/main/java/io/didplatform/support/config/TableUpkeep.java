package io.didplatform.support.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.time.Duration;
import java.util.List;

/**
 * Stands in for PostgreSQL's autovacuum when the server runs with {@code autovacuum = off}: the service's own
 * tables are analyzed and vacuumed by the rules autovacuum would use. Without it the planner keeps the
 * statistics of a table's first minutes: a projection that grew from nothing to a million rows then gets
 * nested loops scanning that table once per row, and a batch that took milliseconds takes seconds.
 * With autovacuum on (the server's default) this does nothing. Interval: {@code did.database.upkeep-interval}.
 */
class TableUpkeep implements SmartInitializingSingleton, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(TableUpkeep.class);
    /**
     * autovacuum's own default thresholds: analyze when 50 + 10% of the rows changed since the last analyze;
     * vacuum when 50 + 20% are dead, or when 1000 + 20% were inserted since the last vacuum (which marks pages
     * all-visible: index-only scans of append-only tables then skip the table).
     */
    private static final String DUE = """
            select relname, vacuum_due from (
                select s.relname,
                       s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) as analyze_due,
                       s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)
                       or s.n_ins_since_vacuum > 1000 + 0.2 * greatest(c.reltuples, 0) as vacuum_due
                  from pg_stat_user_tables s join pg_class c on c.oid = s.relid
                 where s.schemaname = current_schema()) tables
             where analyze_due or vacuum_due
            """;

    private final JdbcTemplate jdbc;
    private final Duration interval;
    private ThreadPoolTaskScheduler scheduler;

    TableUpkeep(JdbcTemplate jdbc, Duration interval) {
        this.jdbc = jdbc;
        this.interval = interval;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (interval.isZero() || "on".equals(jdbc.queryForObject("show autovacuum", String.class))) {
            return;
        }
        log.info("PostgreSQL runs without autovacuum: this service analyzes and vacuums its own tables every {}", interval);
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("table-upkeep-");
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(this::upkeep, interval);
    }

    void upkeep() {
        try {
            List<Due> due = jdbc.query(DUE, (row, n) -> new Due(row.getString(1), row.getBoolean(2)));
            for (Due table : due) {
                // VACUUM cannot run inside a transaction: JdbcTemplate outside one runs each statement on its own
                jdbc.execute((table.vacuum() ? "vacuum (analyze) " : "analyze ") + quoted(table.name()));
            }
        } catch (RuntimeException e) {
            // a table dropped meanwhile, a lock timeout: the next round tries again
            log.debug("Table upkeep skipped a round: {}", e.getMessage());
        }
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public void destroy() {
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }

    private record Due(String name, boolean vacuum) {
    }
}
