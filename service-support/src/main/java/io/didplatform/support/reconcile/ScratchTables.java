package io.didplatform.support.reconcile;

import io.didplatform.support.reconcile.ProjectionReplayCheck.Table;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Scratch copies of a read model's tables, for a replay to write and a comparison with the live tables by content.
 * Everything runs on one connection in one repeatable-read transaction that is rolled back: the copies are temporary
 * tables of the live ones' names, which PostgreSQL finds first, so a projection's SQL writes them unchanged, and the
 * live tables are read as {@code <schema>.<table>} in the same snapshot.
 */
final class ScratchTables {
    private final JdbcTemplate jdbc;
    private final List<Table> tables;
    private final String schema;

    private ScratchTables(JdbcTemplate jdbc, List<Table> tables) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.schema = jdbc.queryForObject("select current_schema()", String.class);
        for (Table table : tables) {
            jdbc.execute("create temporary table " + table.name() + " (like " + schema + "." + table.name()
                    + " including all) on commit drop");
        }
    }

    /** Runs {@code work} with scratch copies of {@code tables} in a snapshot that is rolled back afterwards. */
    static CheckResult inSnapshot(DataSource dataSource, String check, List<Table> tables,
                                  Function<ScratchTables, CheckResult> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return work.apply(new ScratchTables(new JdbcTemplate(new SingleConnectionDataSource(connection, true)),
                        tables));
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not compare " + check + ": " + e.getMessage(), e);
        }
    }

    /** The snapshot's connection: unqualified names are the scratch copies. */
    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Each live row the copies lack or hold otherwise, each row the live tables lack, and each table's rows. */
    void compare(Differences differences) {
        for (Table table : tables) {
            String live = schema + "." + table.name();
            String scratch = "pg_temp." + table.name();
            jdbc.query("select " + table.key() + " from (select * from " + live + " except select * from " + scratch
                            + ") as d order by 1",
                    row -> {
                        differences.add("READ_MODEL_ROW_DIFFERS", List.of(row.getString(1)), table.name() + " row "
                                + row.getString(1) + " is not what its events make it (changed, or no longer there)");
                    });
            jdbc.query("select " + table.key() + " from (select * from " + scratch + " except select * from " + live
                            + ") as d where " + table.key() + " not in (select " + table.key() + " from " + live
                            + ") order by 1",
                    row -> {
                        differences.add("READ_MODEL_ROW_MISSING", List.of(row.getString(1)), table.name()
                                + " has no row " + row.getString(1) + " although its events make one");
                    });
            differences.figure(table.name() + "Rows", jdbc.queryForObject("select count(*) from " + live, Long.class));
        }
    }
}
