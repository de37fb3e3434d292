package io.didplatform.inventory.process.job;

import io.didplatform.inventory.config.JobSettings;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutageRetryTest {
    private static final RuntimeException DATABASE_AWAY = new DataAccessResourceFailureException("connection refused");

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aStepThatMeetsADatabaseOutageIsDoneOnceTheDatabaseIsBack() {
        String done = retry(Duration.ofSeconds(10)).call(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw DATABASE_AWAY;
            }
            return "stored";
        });

        assertThat(done).isEqualTo("stored");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aFailureOfTheStepItselfIsNotTriedAgain() {
        assertThatThrownBy(() -> retry(Duration.ofSeconds(10)).run(() -> {
            attempts.incrementAndGet();
            throw new DataIntegrityViolationException("value too long");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void anOutageLongerThanThePatienceStopsTheStep() {
        assertThatThrownBy(() -> retry(Duration.ofMillis(500)).run(() -> {
            attempts.incrementAndGet();
            throw DATABASE_AWAY;
        })).isSameAs(DATABASE_AWAY);
        assertThat(attempts.get()).isBetween(2, 3);
    }

    @Test
    void aLongStepMeetingAnOutageAtItsEndIsStillGivenThePatience() {
        String done = retry(Duration.ofMillis(500)).call(() -> {
            if (attempts.incrementAndGet() == 1) {
                sleep(Duration.ofMillis(700)); // waiting for the read model, longer than the patience
                throw DATABASE_AWAY;
            }
            return "searchable";
        });

        assertThat(done).isEqualTo("searchable");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void insideASurroundingTransactionTheStepIsNotTriedAgain() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> retry(Duration.ofSeconds(10)).run(() -> {
                attempts.incrementAndGet();
                throw DATABASE_AWAY;
            })).isSameAs(DATABASE_AWAY);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(attempts).hasValue(1);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static OutageRetry retry(Duration patience) {
        return new OutageRetry(new JobSettings("test", 1, 10, Duration.ZERO, Duration.ofMinutes(2), Duration.ZERO,
                patience));
    }
}
