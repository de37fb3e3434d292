package io.didplatform.support.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.support.axon.MessageContext;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventCodecTest {
    private final ObjectMapper objectMapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private final CloudEventCodec codec = new CloudEventCodec(objectMapper, "/did-inventory-service");
    private final DidCreated created = new DidCreated("15550000001", "op-1", DidStatus.IN_STOCK, DidStatus.RESERVED,
            "gold", "café \"corner\" = 1");
    private final EventMessage<DidCreated> message = new GenericEventMessage<>("e-1", created,
            MetaData.from(Map.of(MessageContext.ACTOR, "alice", MessageContext.CORRELATION, "c-1")),
            Instant.parse("2026-11-26T03:30:00.123456Z"));

    @Test
    void writesTheCloudEventTheSdkWouldWrite() throws Exception {
        byte[] payload = objectMapper.writeValueAsBytes(created);
        byte[] sdk = new JsonFormat().serialize(CloudEventBuilder.v1()
                .withId("e-1")
                .withSource(URI.create("/did-inventory-service"))
                .withType("did.DidCreated.v1")
                .withSubject("15550000001")
                .withTime(Instant.parse("2026-11-26T03:30:00.123456Z").atOffset(ZoneOffset.UTC))
                .withData("application/json", payload)
                .withExtension("actor", "alice")
                .withExtension("correlationid", "c-1")
                .build());

        byte[] ours = codec.encode(message, "15550000001", payload);

        JsonFormat format = new JsonFormat();
        assertThat(format.deserialize(ours)).isEqualTo(format.deserialize(sdk));
        assertThat(objectMapper.readTree(ours)).isEqualTo(objectMapper.readTree(sdk));
    }

    @Test
    void readsBackWhatItWrites() {
        InboundEvent event = codec.decode(codec.encode(message, "15550000001"));

        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.type()).isEqualTo("did.DidCreated.v1");
        assertThat(event.source()).isEqualTo("/did-inventory-service");
        assertThat(event.subject()).isEqualTo("15550000001");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-26T03:30:00.123456Z"));
        assertThat(event.actor()).isEqualTo("alice");
        assertThat(event.correlationId()).isEqualTo("c-1");
        assertThat(event.causationId()).isNull();
        assertThat(codec.payloadOf(event)).isEqualTo(created);
    }
}
