package io.didplatform.support.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import io.didplatform.contracts.EventTypes;
import io.didplatform.support.axon.MessageContext;
import org.axonframework.eventhandling.EventMessage;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/**
 * Turns stored Axon events into CloudEvents 1.0 in structured JSON mode, and Kafka record values back into
 * {@link InboundEvent}s. The CloudEvent {@code id} is the Axon event id, so a re-sent event keeps its id.
 */
public class CloudEventCodec {
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    private static final String EXT_ACTOR = "actor";
    private static final String EXT_CORRELATION = "correlationid";
    private static final String EXT_CAUSATION = "causationid";

    private final EventFormat format = new JsonFormat();
    private final ObjectMapper objectMapper;
    private final URI source;

    public CloudEventCodec(ObjectMapper objectMapper, String source) {
        // published events only ever gain fields: an older consumer ignores what it does not know
        this.objectMapper = objectMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.source = URI.create(source);
    }

    public byte[] encode(EventMessage<?> message, String subject) {
        Object payload = message.getPayload();
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(message.getIdentifier())
                .withSource(source)
                .withType(EventTypes.typeOf(payload.getClass()))
                .withSubject(subject)
                .withTime(message.getTimestamp().atOffset(ZoneOffset.UTC))
                .withData("application/json", toJson(payload));
        withExtension(builder, EXT_ACTOR, message.getMetaData().get(MessageContext.ACTOR));
        withExtension(builder, EXT_CORRELATION, message.getMetaData().get(MessageContext.CORRELATION));
        withExtension(builder, EXT_CAUSATION, message.getMetaData().get(MessageContext.CAUSATION));
        return format.serialize(builder.build());
    }

    /**
     * Reads a Kafka record value.
     *
     * @throws InvalidEventException when the bytes are not a CloudEvent this service can read
     */
    public InboundEvent decode(byte[] value) {
        try {
            CloudEvent event = format.deserialize(value);
            byte[] data = event.getData() == null ? new byte[0] : event.getData().toBytes();
            return new InboundEvent(event.getId(), event.getType(), event.getSource().toString(), event.getSubject(),
                    event.getTime() == null ? null : event.getTime().toInstant(),
                    extension(event, EXT_ACTOR), extension(event, EXT_CORRELATION), extension(event, EXT_CAUSATION),
                    new String(data, StandardCharsets.UTF_8), new String(value, StandardCharsets.UTF_8));
        } catch (EventDeserializationException | IllegalArgumentException e) {
            throw new InvalidEventException("not a readable CloudEvent: " + e.getMessage(), e);
        }
    }

    /** The event's payload as its contract record, or null when this version of the contracts does not know the type. */
    public Object payloadOf(InboundEvent event) {
        Class<?> type = EventTypes.classOf(event.type());
        if (type == null) {
            return null;
        }
        try {
            return objectMapper.readValue(event.data(), type);
        } catch (IOException e) {
            throw new InvalidEventException("payload of " + event.type() + " " + event.id() + " is unreadable", e);
        }
    }

    private byte[] toJson(Object payload) {
        try {
            return objectMapper.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + payload.getClass(), e);
        }
    }

    private static void withExtension(CloudEventBuilder builder, String name, Object value) {
        if (value != null) {
            builder.withExtension(name, value.toString());
        }
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }
}
