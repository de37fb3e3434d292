package io.didplatform.gateway;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiveChangesTest {

    private static ConsumerRecord<byte[], byte[]> record(String value) {
        return new ConsumerRecord<>("did-inventory.events", 0, 0, null,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void summarisesABatchAsItsTypesAndSubjectsWithoutData() {
        LiveChange change = LiveChanges.summary(List.of(
                record("{\"type\":\"did.DidHeld.v1\",\"data\":{\"nested\":{\"subject\":\"no\"}},\"subject\":\"15550001\"}"),
                record("{\"subject\":\"15550002\",\"type\":\"did.DidHeld.v1\"}"),
                record("not json"),
                record(null)));
        assertThat(change.types()).containsExactly("did.DidHeld.v1");
        assertThat(change.subjects()).containsExactly("15550001", "15550002");
        assertThat(change.count()).isEqualTo(4);
    }

    @Test
    void namesAtMostAHundredSubjectsHoweverLargeTheBatch() {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            records.add(record("{\"type\":\"did.DidCreated.v1\",\"subject\":\"1555" + i + "\"}"));
        }
        LiveChange change = LiveChanges.summary(records);
        assertThat(change.subjects()).hasSize(LiveChange.MAX_SUBJECTS);
        assertThat(change.count()).isEqualTo(5_000);
    }
}
