package io.didplatform.support.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.didplatform.contracts.clients.ClientCreated;
import io.didplatform.contracts.clients.ClientStatus;
import io.didplatform.support.kafka.EventInbox.Delivery;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventInboxTest {
    private final CloudEventCodec codec = new CloudEventCodec(new ObjectMapper().registerModule(new JavaTimeModule()),
            "/client-service");
    private final Set<String> marks = new HashSet<>();
    private final EventInbox inbox = new EventInbox(codec, new ProcessedEvents(null, null) {
        @Override
        public boolean firstDelivery(String consumer, String eventId) {
            return marks.add(consumer + "/" + eventId);
        }
    });

    @Test
    void handsOverTheEventAndItsPayloadOncePerConsumer() {
        ClientCreated created = new ClientCreated("c-1", "Acme", "noc@acme.test", ClientStatus.ACTIVE);
        ConsumerRecord<String, byte[]> record = record(codec.encode(GenericEventMessage.asEventMessage(created), "c-1"));

        Optional<Delivery> first = inbox.firstDelivery("a", record);

        assertThat(first).hasValueSatisfying(delivery -> {
            assertThat(delivery.payload()).isEqualTo(created);
            assertThat(delivery.event().subject()).isEqualTo("c-1");
        });
        assertThat(inbox.firstDelivery("a", record)).isEmpty();
        assertThat(inbox.firstDelivery("b", record)).isPresent();
    }

    @Test
    void readsThePayloadOnlyWhenAskedAndOnlyOnce() {
        Delivery delivery = inbox.open(record(("{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/x\","
                + "\"type\":\"client.ClientCreated.v1\",\"datacontenttype\":\"application/json\",\"data\":[1]}")
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(delivery.event().id()).isEqualTo("e-1");
        assertThat(marks).isEmpty();
        assertThatThrownBy(delivery::payload).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void aRecordOfAnUnknownTypeOrThatIsNoCloudEventIsInvalid() {
        ConsumerRecord<String, byte[]> unknown = record(("{\"specversion\":\"1.0\",\"id\":\"e-2\",\"source\":\"/x\","
                + "\"type\":\"did.DidStatus.v1\",\"data\":{}}").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> inbox.open(unknown)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("unknown event type did.DidStatus.v1");
        assertThatThrownBy(() -> inbox.firstDelivery("a", record("not json".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> inbox.open(record(null))).isInstanceOf(InvalidEventException.class);
        assertThat(marks).isEmpty();
    }

    private static ConsumerRecord<String, byte[]> record(byte[] value) {
        return new ConsumerRecord<>("client.events", 0, 0, "key", value);
    }
}
