package io.didplatform.support.deadletter;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.axonframework.common.AxonTransientException;
import org.axonframework.messaging.IllegalPayloadAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure that passes by itself from one that the event carries with it. Transient: the database or the
 * broker is away or busy (no connection, a restart, a lock or serialization conflict, a timeout, credentials
 * being rotated); handling the same event again later succeeds, so such a failure is retried for as long as it
 * lasts and never dead-letters an event. Anything else (an unreadable record, an unknown type, a value the database
 * refuses, a command the aggregate refuses) is the event's own: retried a few times, then dead-lettered.
 */
public final class Failures {
    /**
     * PostgreSQL's SQLSTATE classes and codes of a server that is away or busy: connection exceptions (08),
     * insufficient resources (53, e.g. too many connections), operator intervention (57P01-57P03: shut down,
     * crashed, starting), transaction rollback (40: serialization failure, deadlock), lock not available (55P03).
     */
    private static final String[] TRANSIENT_SQL_STATES = {"08", "53", "57P", "40", "55P03"};

    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        return isTransient(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean isTransient(Throwable failure, Set<Throwable> seen) {
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (isTransientItself(cause)) {
                return true;
            }
            // a rollback on a connection the pool closed after the server's answer hides that answer
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isTransient(rollback.getApplicationException(), seen)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure a person should read: what a listener or handler threw, not the wrappers spring-kafka and Axon put
     * around it.
     */
    public static Throwable reasonOf(Throwable failure) {
        Throwable reason = failure;
        while (true) {
            if ((reason instanceof ListenerExecutionFailedException || reason instanceof BatchListenerFailedException
                    || reason instanceof IllegalPayloadAccessException) && reason.getCause() != null) {
                reason = reason.getCause();
            } else if (reason instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                reason = rollback.getApplicationException();
            } else {
                return reason;
            }
        }
    }

    /** The failure in a line: its message, and its root cause's when that says more (a driver's or broker's refusal). */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        String message = String.valueOf(failure.getMessage());
        return root == failure || message.contains(String.valueOf(root.getMessage()))
                ? message : message + "; caused by " + root;
    }

    private static boolean isTransientItself(Throwable cause) {
        return cause instanceof DataAccessResourceFailureException
                || cause instanceof TransientDataAccessException
                || cause instanceof RecoverableDataAccessException
                || cause instanceof CannotCreateTransactionException
                || cause instanceof SQLTransientException
                || cause instanceof SQLRecoverableException
                || cause instanceof SQLNonTransientConnectionException
                || (cause instanceof SQLException sql && (transientState(sql.getSQLState()) || closedByThePool(sql)))
                || cause instanceof AxonTransientException
                || cause instanceof RetriableException
                || cause instanceof AuthenticationException
                || cause instanceof AuthorizationException
                || cause instanceof TimeoutException
                || cause instanceof InterruptedException;
    }

    /**
     * HikariCP's answer on a connection it closed because the server's answer marked it broken (a connection
     * failure, a shut-down or starting server). A transaction that then cannot roll back throws this, and Spring
     * replaces the server's answer with it.
     */
    private static boolean closedByThePool(SQLException failure) {
        return failure.getSQLState() == null && "Connection is closed".equals(failure.getMessage());
    }

    private static boolean transientState(String sqlState) {
        if (sqlState == null) {
            return false;
        }
        for (String prefix : TRANSIENT_SQL_STATES) {
            if (sqlState.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
