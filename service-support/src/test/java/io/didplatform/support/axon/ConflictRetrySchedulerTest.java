package io.didplatform.support.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictRetrySchedulerTest {
    private static final CommandMessage<?> COMMAND = GenericCommandMessage.asCommandMessage("take");
    private final ConflictRetryScheduler scheduler = new ConflictRetryScheduler(new CommandSettings(3, Duration.ofMillis(1)));

    @AfterEach
    void stop() {
        scheduler.close();
    }

    @Test
    void sendsACommandThatLostARaceAgain() throws InterruptedException {
        CountDownLatch sentAgain = new CountDownLatch(1);
        RuntimeException lost = new IllegalStateException("wrapped", new ConcurrencyException("stream moved"));

        assertThat(scheduler.scheduleRetry(COMMAND, lost, failures(1), sentAgain::countDown)).isTrue();
        assertThat(sentAgain.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void givesUpAfterTheRetriesSet() {
        assertThat(scheduler.scheduleRetry(COMMAND, new ConcurrencyException("again"), failures(4), () -> { }))
                .isFalse();
    }

    @Test
    void leavesEveryOtherFailureToTheCaller() {
        assertThat(scheduler.scheduleRetry(COMMAND, new IllegalArgumentException("refused"), failures(1), () -> { }))
                .isFalse();
    }

    @Test
    void leavesAConflictInsideTheCallersUnitOfWorkToTheCaller() {
        DefaultUnitOfWork<?> callers = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThat(scheduler.scheduleRetry(COMMAND, new ConcurrencyException("moved"), failures(1), () -> { }))
                    .isFalse();
        } finally {
            callers.rollback();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[]{ConcurrencyException.class});
        }
        return failures;
    }
}
