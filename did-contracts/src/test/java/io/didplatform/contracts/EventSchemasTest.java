package io.didplatform.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document ({@value #DOCUMENT}) describes exactly the published events: every event type of the
 * contracts has a message and a schema listing its fields, and every golden event validates against its schema,
 * alone and inside its CloudEvent envelope.
 */
class EventSchemasTest {
    static final String DOCUMENT = "asyncapi/did-platform-events.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode ASYNCAPI = read();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    /** Every published event record in this module's classes. */
    static Stream<Class<?>> publishedEvents() throws IOException, URISyntaxException {
        Path classes = Path.of(EventTypes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            List<Class<?>> events = files.map(classes::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .<Class<?>>map(name -> load(name.substring(0, name.length() - ".class".length()).replace('/', '.')))
                    .filter(type -> type.isRecord() && EventTypes.isPublished(type))
                    .toList();
            return events.stream();
        }
    }

    static Stream<Path> goldenFiles() throws IOException, URISyntaxException {
        Path golden = Path.of(EventSchemasTest.class.getResource("/golden").toURI());
        try (Stream<Path> files = Files.list(golden)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("publishedEvents")
    void describesEveryPublishedEventWithItsTypeTopicAndFields(Class<?> event) {
        String name = event.getSimpleName();
        JsonNode message = ASYNCAPI.path("components").path("messages").path(name);
        assertThat(message.path("name").asText()).as("message name").isEqualTo(EventTypes.typeOf(event));
        assertThat(message.path("payload").path("allOf").path(1).path("properties").path("type").path("const").asText())
                .isEqualTo(EventTypes.typeOf(event));
        assertThat(channelsListing(name)).as("channels listing " + name).containsExactly(channelOf(event));

        Set<String> fields = new TreeSet<>();
        ASYNCAPI.path("components").path("schemas").path(name).path("properties").fieldNames()
                .forEachRemaining(fields::add);
        assertThat(fields).as("fields of " + name).isEqualTo(new TreeSet<>(Arrays.stream(event.getRecordComponents())
                .map(RecordComponent::getName).toList()));
    }

    @ParameterizedTest
    @MethodSource("goldenFiles")
    void everyGoldenEventMatchesItsSchemaAloneAndInItsEnvelope(Path golden) throws Exception {
        String name = golden.getFileName().toString().replace(".json", "");
        Class<?> event = publishedEvents().filter(type -> type.getSimpleName().equals(name)).findFirst().orElseThrow();
        JsonNode data = JSON.readTree(golden.toFile());
        ObjectNode envelope = JSON.createObjectNode()
                .put("specversion", "1.0").put("id", "6f1c7a52-0c3e-4d35-9b1f-3f8a2a0e9c11")
                .put("source", "/" + serviceOf(event)).put("type", EventTypes.typeOf(event)).put("subject", "s-1")
                .put("time", "2026-01-02T03:04:05Z").put("actor", "admin").put("correlationid", "abc-123")
                .put("datacontenttype", "application/json");
        envelope.set("data", data);

        assertThat(schema("#/components/schemas/" + name).validate(data)).as(name).isEmpty();
        assertThat(schema("#/components/messages/" + name + "/payload").validate(envelope)).as(name).isEmpty();
    }

    @Test
    void refusesAnEventThatBreaksItsSchema() throws IOException {
        JsonNode held = JSON.readTree("{\"number\":\"+1 555\",\"clientPackageId\":\"cp-1\",\"reason\":\"BORED\","
                + "\"holdUntil\":\"soon\",\"previousStatus\":\"ACTIVE\"}");

        assertThat(schema("#/components/schemas/DidHeld").validate(held)).hasSize(3);
    }

    @Test
    void hasAGoldenFileForEveryPublishedEvent() throws Exception {
        assertThat(goldenFiles().map(file -> file.getFileName().toString().replace(".json", "")))
                .containsExactlyInAnyOrderElementsOf(publishedEvents().map(Class::getSimpleName).toList());
    }

    private static JsonSchema schema(String pointer) {
        return SCHEMAS.getSchema(SchemaLocation.of("classpath:" + DOCUMENT + pointer));
    }

    private static List<String> channelsListing(String message) {
        return ASYNCAPI.path("channels").properties().stream()
                .filter(channel -> channel.getValue().path("messages").has(message))
                .map(channel -> channel.getValue().path("address").asText()).toList();
    }

    private static String channelOf(Class<?> event) {
        return switch (EventTypes.typeOf(event).split("\\.")[0]) {
            case "did" -> Topics.DID_INVENTORY;
            case "package" -> Topics.PACKAGE;
            default -> Topics.CLIENT;
        };
    }

    private static String serviceOf(Class<?> event) {
        return switch (channelOf(event)) {
            case Topics.DID_INVENTORY -> "did-inventory-service";
            case Topics.PACKAGE -> "package-service";
            default -> "client-service";
        };
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read() {
        try (InputStream in = EventSchemasTest.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
