package io.didplatform.inventory.process;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Which client packages are being cascaded now, on any instance: a cascade runs holding a PostgreSQL advisory lock
 * on its package, on a connection of its own. When the instance dies (kill -9, out of memory) its connection closes
 * and PostgreSQL ends the lock at once, so another instance's sweep takes the cascade over at its next round. Should
 * the host or the network vanish instead, the server's TCP keepalive, made short on that connection, ends it within
 * about {@value #KEEPALIVE_IDLE_SECONDS} + {@value #KEEPALIVE_COUNT} × {@value #KEEPALIVE_INTERVAL_SECONDS} s.
 */
@Component
class CascadeLocks {
    private static final int KEEPALIVE_IDLE_SECONDS = 10;
    private static final int KEEPALIVE_INTERVAL_SECONDS = 5;
    private static final int KEEPALIVE_COUNT = 3;
    private static final String KEY = "hashtext('hold-cascade'), hashtext(?)";

    private final DataSource dataSource;

    CascadeLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code cascade} unless an instance cascades the client package now; false when one does. */
    boolean runIfFree(String clientPackageId, Runnable cascade) {
        try (Connection connection = dataSource.getConnection()) {
            if (!lock(connection, clientPackageId)) {
                return false;
            }
            try {
                cascade.run();
            } finally {
                unlock(connection, clientPackageId);
            }
            return true;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cascade lock of client package " + clientPackageId, e);
        }
    }

    private static boolean lock(Connection connection, String clientPackageId) throws SQLException {
        try (Statement keepalive = connection.createStatement()) {
            keepalive.execute("set tcp_keepalives_idle = " + KEEPALIVE_IDLE_SECONDS
                    + "; set tcp_keepalives_interval = " + KEEPALIVE_INTERVAL_SECONDS
                    + "; set tcp_keepalives_count = " + KEEPALIVE_COUNT);
        }
        return call(connection, "select pg_try_advisory_lock(" + KEY + ")", clientPackageId);
    }

    private static void unlock(Connection connection, String clientPackageId) throws SQLException {
        call(connection, "select pg_advisory_unlock(" + KEY + ")", clientPackageId);
    }

    private static boolean call(Connection connection, String sql, String clientPackageId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, clientPackageId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
