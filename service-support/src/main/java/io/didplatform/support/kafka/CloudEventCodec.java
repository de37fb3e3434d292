package io.didplatform.support.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import io.didplatform.contracts.EventTypes;
import io.didplatform.support.axon.MessageContext;
import org.axonframework.eventhandling.EventMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

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
    private final String source;
    private final JsonFactory jsonFactory;

    public CloudEventCodec(ObjectMapper objectMapper, String source) {
        // published events only ever gain fields: an older consumer ignores what it does not know
        this.objectMapper = objectMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.source = URI.create(source).toString();
        this.jsonFactory = objectMapper.getFactory();
    }

    /** The event as a CloudEvent whose data is its payload serialized by this codec's object mapper. */
    public byte[] encode(EventMessage<?> message, String subject) {
        return encode(message, subject, toJson(message.getPayload()));
    }

    /**
     * The event as a structured-mode CloudEvent whose data is {@code jsonPayload}, the payload already serialized
     * as JSON (as the event store holds it), written in unparsed. The SDK's writer would parse the JSON data into a
     * tree and write the tree out again, for every event the outbox sends; {@link #decode} reads the result with
     * the SDK.
     */
    public byte[] encode(EventMessage<?> message, String subject, byte[] jsonPayload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(384 + jsonPayload.length);
        try (JsonGenerator json = jsonFactory.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("specversion", SpecVersion.V1.toString());
            json.writeStringField("id", message.getIdentifier());
            json.writeStringField("source", source);
            json.writeStringField("type", EventTypes.typeOf(message.getPayloadType()));
            json.writeStringField("subject", subject);
            json.writeStringField("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    message.getTimestamp().atOffset(ZoneOffset.UTC)));
            writeExtension(json, EXT_ACTOR, message.getMetaData().get(MessageContext.ACTOR));
            writeExtension(json, EXT_CORRELATION, message.getMetaData().get(MessageContext.CORRELATION));
            writeExtension(json, EXT_CAUSATION, message.getMetaData().get(MessageContext.CAUSATION));
            json.writeStringField("datacontenttype", "application/json");
            json.writeFieldName("data");
            json.writeRawValue(new String(jsonPayload, StandardCharsets.UTF_8));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CloudEvent of " + message.getIdentifier(), e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a Kafka record value: a CloudEvent of a type this version of the contracts knows.
     *
     * @throws InvalidEventException when the bytes are not such a CloudEvent: not one at all, or of an unknown type
     *                               (a newer producer's; it waits in the consumer's dead letters for an upgrade)
     */
    public InboundEvent decode(byte[] value) {
        if (value == null || value.length == 0) {
            throw new InvalidEventException("an empty record is not a CloudEvent");
        }
        InboundEvent inbound;
        try {
            CloudEvent event = format.deserialize(value);
            byte[] data = event.getData() == null ? new byte[0] : event.getData().toBytes();
            inbound = new InboundEvent(event.getId(), event.getType(), event.getSource().toString(), event.getSubject(),
                    event.getTime() == null ? null : event.getTime().toInstant(),
                    extension(event, EXT_ACTOR), extension(event, EXT_CORRELATION), extension(event, EXT_CAUSATION),
                    new String(data, StandardCharsets.UTF_8), new String(value, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            // the SDK's own exceptions, and whatever the JSON parser throws at bytes that are no JSON at all
            throw new InvalidEventException("not a readable CloudEvent: " + e.getMessage(), e);
        }
        if (EventTypes.classOf(inbound.type()) == null) {
            throw new InvalidEventException("unknown event type " + inbound.type() + " (event " + inbound.id()
                    + "): this version of the contracts does not know it");
        }
        return inbound;
    }

    /**
     * The event's payload as its contract record.
     *
     * @throws InvalidEventException when the payload is unreadable
     */
    public Object payloadOf(InboundEvent event) {
        try {
            return objectMapper.readValue(event.data(), EventTypes.classOf(event.type()));
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

    private static void writeExtension(JsonGenerator json, String name, Object value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value.toString());
        }
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }
}
