package io.didplatform.support.axon;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

class StoredEventEntryTest {

    @Test
    void readsEveryTimestampAsAxonStoresItTheWayAxonReadsIt() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(0, 4_102_444_800_000L)); // 1970 to 2100
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(StoredEventEntry.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void leavesAnyOtherFormToAxon() {
        for (String stored : new String[]{"2026-12-07T15:56:04Z", "2026-12-07T15:56:04.123456Z",
                "2026-12-07T15:56:04.288+01:00"}) {
            assertThat(StoredEventEntry.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void readsItOnce() {
        StoredEventEntry entry = new StoredEventEntry("DidAggregate", "12125550100", 0, "event-1",
                "2026-12-07T15:56:04.288Z", "DidCreated", null, new byte[0], new byte[0]);
        assertThat(entry.getTimestamp()).isEqualTo(Instant.parse("2026-12-07T15:56:04.288Z"))
                .isSameAs(entry.getTimestamp());
    }
}
