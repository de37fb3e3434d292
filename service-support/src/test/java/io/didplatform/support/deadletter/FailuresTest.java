package io.didplatform.support.deadletter;

import io.didplatform.support.kafka.InvalidEventException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    @Test
    void anOutageOfTheDatabaseOrTheBrokerPassesByItself() {
        assertThat(Failures.isTransient(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("pool timed out")))).isTrue();
        assertThat(Failures.isTransient(new CannotGetJdbcConnectionException("refused"))).isTrue();
        assertThat(Failures.isTransient(new IllegalStateException("commit failed",
                new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE)))).isTrue();
        assertThat(Failures.isTransient(new SQLException("the database system is shutting down", "57P01"))).isTrue();
        assertThat(Failures.isTransient(new RuntimeException("Kafka did not acknowledge the batch",
                new ExecutionException(new org.apache.kafka.common.errors.TimeoutException("expired"))))).isTrue();
        assertThat(Failures.isTransient(new RuntimeException(new TimeoutException("30 s")))).isTrue();
        assertThat(Failures.isTransient(new ConcurrencyException("two commands raced"))).isTrue();
    }

    @Test
    void aRollbackOnAConnectionThePoolClosedStillShowsTheOutage() {
        TransactionSystemException rollback = new TransactionSystemException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new SQLException("the database system is starting up", "57P03"));

        assertThat(Failures.isTransient(rollback)).isTrue();
        assertThat(Failures.reasonOf(rollback)).hasMessage("the database system is starting up");
        assertThat(Failures.isTransient(new RuntimeException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed")))).as("the pool closed it after the outage").isTrue();
    }

    @Test
    void whatTheEventCarriesWithItIsNotTransient() {
        assertThat(Failures.isTransient(new DataIntegrityViolationException("invalid byte sequence for encoding UTF8: 0x00",
                new PSQLException("0x00", PSQLState.DATA_ERROR)))).isFalse();
        assertThat(Failures.isTransient(new InvalidEventException("unknown event type did.DidStatus.v1"))).isFalse();
        assertThat(Failures.isTransient(new RuntimeException(new ExecutionException(new RecordTooLargeException("2 MB")))))
                .isFalse();
        assertThat(Failures.isTransient(new IllegalArgumentException("refused"))).isFalse();
    }

    @Test
    void theReasonIsWhatTheListenerThrew() {
        InvalidEventException thrown = new InvalidEventException("not a readable CloudEvent");

        assertThat(Failures.reasonOf(new ListenerExecutionFailedException("listener failed", thrown))).isSameAs(thrown);
    }
}
