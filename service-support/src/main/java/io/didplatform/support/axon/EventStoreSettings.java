package io.didplatform.support.axon;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code did.event-store.*}: how the event processors read the event store, and treat gaps in its global index.
 *
 * @param gapTimeout   how long a processor waits for the event of a gap (a global index taken by a transaction not
 *                     yet committed) before it may give the gap up for good: Axon's {@code gapTimeout}, set here
 *                     rather than left to its default so that {@code commitWithin} can be checked against it
 * @param commitWithin how long a transaction that appended events may last from its first append to its commit
 *                     ({@link MultiRowJpaEventStorageEngine}); at most half the gap timeout, the rest a margin for the
 *                     commit itself and for clocks that differ between instances
 * @param fetchDelay   how often the event store looks for events another instance of the service appended (its own
 *                     it sees at once): the most such an event waits before this instance's processors see it
 * @param cachedEvents how many of the newest events the event store keeps in memory for its processors to share.
 *                     Each holds its own copy of the position's gaps, and a rolled-back bulk batch leaves as many
 *                     gaps as it had events for up to the gap timeout: Axon's 10,000 with 1,000 gaps each filled a
 *                     512 MB heap (inventory, a PostgreSQL restart during a 50,000-DID range)
 */
@Validated
@ConfigurationProperties("did.event-store")
public record EventStoreSettings(@DefaultValue("PT60S") @NotNull @DurationMin(seconds = 1) Duration gapTimeout,
                                 @DefaultValue("PT20S") @NotNull @DurationMin(millis = 100) Duration commitWithin,
                                 @DefaultValue("PT0.1S") @NotNull @DurationMin(millis = 10) Duration fetchDelay,
                                 @DefaultValue("1000") @Min(1) int cachedEvents) {

    @AssertTrue(message = "did.event-store.commit-within must be at most half of did.event-store.gap-timeout")
    boolean isCommitWithinTheGapTimeout() {
        return commitWithin.multipliedBy(2).compareTo(gapTimeout) <= 0;
    }
}
