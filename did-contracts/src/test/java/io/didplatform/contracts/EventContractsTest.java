package io.didplatform.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.didplatform.contracts.clients.*;
import io.didplatform.contracts.inventory.*;
import io.didplatform.contracts.packages.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire format of every published event is pinned by a golden JSON file: a change that breaks a consumer
 * fails here. Additive changes update the golden file; anything else needs a new revision.
 */
class EventContractsTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
    private static final UUID REQUEST = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final String N = "15550000001";
    private static final List<String> TAGS = List.of("nyc", "sf");

    static Stream<Object> samples() {
        return Stream.of(
                new OperatorCreated("op-1", "Carrier A", "notes"),
                new OperatorUpdated("op-1", "Carrier B", "notes"),
                new OperatorDeleted("op-1"),
                new DidCreated(N, "op-1", DidStatus.IN_STOCK, DidStatus.IN_STOCK, "nyc", "n"),
                new DidUpdated(N, "op-1", DidStatus.RESERVED, DidStatus.ARCHIVE, "sf", "n2"),
                new DidDeleted(N),
                new DidChangeUndone(N, REQUEST, UndoneChange.EDIT, "op-1", DidStatus.IN_STOCK, DidStatus.IN_STOCK,
                        "nyc", "n"),
                new DidAssigned(N, REQUEST, "client-1", "cp-1", "sip:a@pbx"),
                new DidAssignmentRejected(N, REQUEST, "client-1", "cp-1", AssignmentRejection.NOT_IN_STOCK),
                new DidRoutingChanged(N, "tel:+15551234"),
                new DidBlocked(N),
                new DidUnblocked(N),
                new DidHeld(N, "cp-1", HoldReason.PACKAGE_INACTIVE, T, DidStatus.ACTIVE),
                new DidRestored(N, "cp-1", DidStatus.BLOCKED),
                new DidReleased(N, DidStatus.IN_STOCK),
                new DidReserved(N, "client-1", "Acme Q3 expansion", T, DidStatus.IN_STOCK),
                new DidReservationExtended(N, T),
                new DidReservationReleased(N, DidStatus.IN_STOCK),
                new DidReservationExpired(N, DidStatus.IN_STOCK),
                new PackageCreated("pkg-1", "NYC 2", 2, TAGS, "d", PackageStatus.ACTIVE),
                new PackageUpdated("pkg-1", "NYC 3", 3, TAGS, "d", PackageStatus.DISABLED),
                new PackageDeleted("pkg-1"),
                new ClientPackageCreated("cp-1", "client-1", "pkg-1", 2, TAGS, T, null),
                new PackageActivated("cp-1", "client-1", "pkg-1", 2, TAGS),
                new PackageDeactivated("cp-1", "client-1", "pkg-1", DeactivationReason.MANUAL),
                new ClientPackageTerminated("cp-1", "client-1", "pkg-1"),
                new ClientCreated("client-1", "Acme", "noc@acme.test", ClientStatus.ACTIVE),
                new ClientUpdated("client-1", "Acme Inc", "noc@acme.test", ClientStatus.SUSPENDED),
                new DidAssignmentRequested("client-1", REQUEST, N, "cp-1", "sip:a@pbx", TAGS),
                new DidAssignmentConfirmed("client-1", REQUEST, N, "cp-1"),
                new DidAssignmentFailed("client-1", REQUEST, N, "cp-1", AssignmentRejection.TIMEOUT),
                new DidReturnRequested("client-1", N, "cp-1"),
                new DidRoutingChangeRequested("client-1", N, "sips:b@pbx"),
                new DidBlockRequested("client-1", N),
                new DidUnblockRequested("client-1", N));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void serializesExactlyAsTheGoldenFile(Object event) throws IOException {
        String golden = golden(event.getClass());
        assertThat(JSON.readTree(JSON.writeValueAsString(event))).isEqualTo(JSON.readTree(golden));
        assertThat(JSON.readValue(golden, event.getClass())).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void hasAVersionedTypeThatLeadsBackToItsClass(Object event) {
        String type = EventTypes.typeOf(event.getClass());
        assertThat(type).matches("(did|package|client)\\." + event.getClass().getSimpleName() + "\\.v1");
        assertThat(EventTypes.classOf(type)).isEqualTo(event.getClass());
        assertThat(EventTypes.isPublished(event.getClass())).isTrue();
    }

    @Test
    void anUnknownTypeIsNotGuessed() {
        assertThat(EventTypes.classOf("did.NoSuchEvent.v1")).isNull();
        assertThat(EventTypes.classOf("did.DidHeld.v2")).isNull();
        assertThat(EventTypes.classOf("did.DidStatus.v1")).isNull();
        assertThat(EventTypes.classOf("did.InventoryEvent.v1")).isNull();
        assertThat(EventTypes.isPublished(String.class)).isFalse();
    }

    private static String golden(Class<?> type) throws IOException {
        try (InputStream in = EventContractsTest.class.getResourceAsStream("/golden/" + type.getSimpleName() + ".json")) {
            assertThat(in).as("golden file for " + type.getSimpleName()).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
