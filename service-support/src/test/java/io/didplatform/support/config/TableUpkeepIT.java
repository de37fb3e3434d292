package io.didplatform.support.config;

import io.didplatform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Over the real PostgreSQL: a table grown or churned since its statistics were taken gets them taken again. */
class TableUpkeepIT {
    private final JdbcTemplate jdbc = jdbc(TestInfrastructure.freshDatabase("support_table_upkeep"));
    private final TableUpkeep upkeep = new TableUpkeep(jdbc, Duration.ofSeconds(10));

    @Test
    void aGrownTableIsAnalyzedAndVacuumedAndOneFullOfDeadRowsVacuumedAgain() {
        jdbc.execute("create table grown (id bigint primary key)");
        jdbc.execute("insert into grown select generate_series(1, 10000)");
        // the server's statistics of table changes arrive within a second or so
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            upkeep.upkeep();
            assertThat(statistics("grown")).containsEntry("analyzed", true).containsEntry("changed", 0L)
                    .containsEntry("vacuumed", true);
        });

        jdbc.execute("update grown set id = -id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            upkeep.upkeep();
            // only a vacuum takes the dead rows away
            assertThat(statistics("grown")).containsEntry("dead", 0L);
        });
    }

    @Test
    void aTableBarelyChangedIsLeftAlone() {
        jdbc.execute("create table small (id bigint primary key)");
        jdbc.execute("insert into small select generate_series(1, 10)");
        upkeep.upkeep();
        assertThat(statistics("small")).containsEntry("analyzed", false);
    }

    private Map<String, Object> statistics(String table) {
        return jdbc.queryForMap("""
                select last_analyze is not null as analyzed, last_vacuum is not null as vacuumed,
                       n_mod_since_analyze as changed, n_dead_tup as dead
                  from pg_stat_user_tables where relname = ?""", table);
    }

    private static JdbcTemplate jdbc(Map<String, String> properties) {
        return new JdbcTemplate(new DriverManagerDataSource(properties.get("spring.datasource.url"),
                properties.get("spring.datasource.username"), properties.get("spring.datasource.password")));
    }
}
