package io.didplatform.clients.query;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.didplatform.clients.config.ClientSettings;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets an HTTP take wait for its assignment's outcome, whichever instance took the request and whichever projects
 * the outcome. The read model is the truth: the projection, on any instance, notifies {@value #CHANNEL} with the
 * request id in the transaction that stores the outcome (PostgreSQL delivers it on commit to every listener); each
 * instance listens on one connection and wakes its waiter, which reads the outcome. A waiter also reads every
 * {@code did.clients.outcome-recheck}, in case a notification was lost while the listener reconnected.
 */
@Component
public class AssignmentOutcomes implements SmartLifecycle {
    static final String CHANNEL = "assignment_outcome";
    private static final Logger log = LoggerFactory.getLogger(AssignmentOutcomes.class);
    private static final int LISTEN_POLL_MILLIS = 500;

    private final ClientDids dids;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Duration recheck;
    private final Map<UUID, CountDownLatch> waiting = new ConcurrentHashMap<>();
    private volatile Thread listener;

    AssignmentOutcomes(ClientDids dids, JdbcTemplate jdbc, DataSource dataSource,
                       ClientSettings settings) {
        this.dids = dids;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.recheck = settings.outcomeRecheck();
    }

    /** The request's outcome once decided, waiting at most {@code wait}; empty while it is still pending. */
    public Optional<AssignmentRequestResponse> await(String clientId, UUID requestId, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                CountDownLatch notified = new CountDownLatch(1);
                waiting.put(requestId, notified); // before reading, so a decision committed meanwhile wakes it
                Optional<AssignmentRequestResponse> request = dids.request(clientId, requestId)
                        .filter(outcome -> !AssignmentRequestResponse.PENDING.equals(outcome.status()));
                long left = deadline - System.nanoTime();
                if (request.isPresent() || left <= 0) {
                    return request;
                }
                notified.await(Math.min(left, recheck.toNanos()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            waiting.remove(requestId);
        }
    }

    /** Called in the transaction that stores the outcome: every instance hears of it once that commits. */
    void decided(UUID requestId) {
        jdbc.queryForList("select pg_notify(?, ?)", CHANNEL, requestId.toString());
    }

    private void listen() {
        while (listener == Thread.currentThread()) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (listener == Thread.currentThread()) {
                    for (PGNotification notification : notifications.getNotifications(LISTEN_POLL_MILLIS)) {
                        wake(notification.getParameter());
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("unlisten " + CHANNEL); // the connection goes back to the pool
                }
            } catch (SQLException | RuntimeException e) {
                if (listener == Thread.currentThread()) {
                    log.warn("Listening for assignment outcomes failed; listening again shortly", e);
                    sleepBeforeRetry();
                }
            }
        }
    }

    private void wake(String requestId) {
        CountDownLatch waiter = waiting.get(UUID.fromString(requestId));
        if (waiter != null) {
            waiter.countDown();
        }
    }

    private void sleepBeforeRetry() {
        try {
            Thread.sleep(recheck.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::listen, "assignment-outcomes");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        listener = null;
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }
}
