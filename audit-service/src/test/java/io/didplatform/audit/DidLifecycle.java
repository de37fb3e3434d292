package io.didplatform.audit;

import io.didplatform.contracts.EventTypes;
import io.didplatform.contracts.Topics;
import io.didplatform.contracts.clients.ClientCreated;
import io.didplatform.contracts.clients.ClientStatus;
import io.didplatform.contracts.clients.DidAssignmentConfirmed;
import io.didplatform.contracts.clients.DidAssignmentRequested;
import io.didplatform.contracts.clients.DidReturnRequested;
import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.contracts.inventory.DidDeleted;
import io.didplatform.contracts.inventory.DidHeld;
import io.didplatform.contracts.inventory.DidReleased;
import io.didplatform.contracts.inventory.DidRestored;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.contracts.inventory.HoldReason;
import io.didplatform.contracts.inventory.OperatorCreated;
import io.didplatform.contracts.packages.ClientPackageCreated;
import io.didplatform.contracts.packages.DeactivationReason;
import io.didplatform.contracts.packages.PackageActivated;
import io.didplatform.contracts.packages.PackageCreated;
import io.didplatform.contracts.packages.PackageDeactivated;
import io.didplatform.contracts.packages.PackageStatus;
import io.didplatform.support.axon.MessageContext;
import io.didplatform.support.kafka.CloudEventCodec;
import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The acceptance story as the producing services publish it: a DID is created, assigned, held by a package
 * deactivation, restored, given back, released, deleted and created again. Every event is encoded exactly as
 * {@link CloudEventCodec} encodes stored events for Kafka, with its actor, correlation and causation.
 */
public final class DidLifecycle {
    public static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    public static final Duration HOLD = Duration.ofDays(30);

    public final String number = "1555" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    public final String operatorId = UUID.randomUUID().toString();
    public final String packageId = UUID.randomUUID().toString();
    public final String clientId = UUID.randomUUID().toString();
    public final String clientPackageId = UUID.randomUUID().toString();
    public final UUID requestId = UUID.randomUUID();
    public final List<Published> events;

    /** One event as a producer puts it on its topic: topic, key and the CloudEvent JSON. */
    public record Published(String topic, String key, String id, String type, byte[] cloudEvent) {
    }

    public DidLifecycle(CloudEventCodec codec) {
        Builder b = new Builder(codec);
        String correlation = UUID.randomUUID().toString();
        b.add(Topics.DID_INVENTORY, new OperatorCreated(operatorId, "Carrier", ""), min(0), "admin", null, null);
        b.add(Topics.PACKAGE, new PackageCreated(packageId, "Gold", 10, List.of("nyc"), "", PackageStatus.ACTIVE),
                min(1), "admin", null, null);
        b.add(Topics.CLIENT, new ClientCreated(clientId, "Acme", "ops@acme.test", ClientStatus.ACTIVE), min(2), "admin",
                null, null);
        b.add(Topics.PACKAGE, new ClientPackageCreated(clientPackageId, clientId, packageId, 10, List.of("nyc"), null,
                null), min(3), "admin", null, null);
        b.add(Topics.PACKAGE, new PackageActivated(clientPackageId, clientId, packageId, 10, List.of("nyc")), min(4),
                "admin", null, null);
        b.add(Topics.DID_INVENTORY, new DidCreated(number, operatorId, DidStatus.IN_STOCK, DidStatus.IN_STOCK, "nyc", ""),
                min(5), "admin", null, null);
        String requested = b.add(Topics.CLIENT, new DidAssignmentRequested(clientId, requestId, number, clientPackageId,
                "sip:a@pbx", List.of("nyc")), min(6), "alice", correlation, null);
        String assigned = b.add(Topics.DID_INVENTORY, new DidAssigned(number, requestId, clientId, clientPackageId,
                "sip:a@pbx"), min(6).plusSeconds(1), "alice", correlation, requested);
        b.add(Topics.CLIENT, new DidAssignmentConfirmed(clientId, requestId, number, clientPackageId),
                min(6).plusSeconds(2), "alice", correlation, assigned);
        String deactivated = b.add(Topics.PACKAGE, new PackageDeactivated(clientPackageId, clientId, packageId,
                DeactivationReason.MANUAL), min(10), "admin", null, null);
        b.add(Topics.DID_INVENTORY, new DidHeld(number, clientPackageId, HoldReason.PACKAGE_INACTIVE,
                min(10).plus(HOLD), DidStatus.ACTIVE), min(10).plusSeconds(1), "admin", null, deactivated);
        String activated = b.add(Topics.PACKAGE, new PackageActivated(clientPackageId, clientId, packageId, 10,
                List.of("nyc")), min(20), "admin", null, null);
        b.add(Topics.DID_INVENTORY, new DidRestored(number, clientPackageId, DidStatus.ACTIVE), min(20).plusSeconds(1),
                "admin", null, activated);
        String returned = b.add(Topics.CLIENT, new DidReturnRequested(clientId, number, clientPackageId), min(30),
                "alice", null, null);
        b.add(Topics.DID_INVENTORY, new DidHeld(number, clientPackageId, HoldReason.RELEASED, min(30).plus(HOLD),
                DidStatus.ACTIVE), min(30).plusSeconds(1), "alice", null, returned);
        b.add(Topics.DID_INVENTORY, new DidReleased(number, DidStatus.IN_STOCK), min(30).plus(HOLD), "system", null,
                null);
        b.add(Topics.DID_INVENTORY, new DidDeleted(number), min(30).plus(HOLD).plusSeconds(60), "admin", null, null);
        b.add(Topics.DID_INVENTORY, new DidCreated(number, operatorId, DidStatus.RESERVED, DidStatus.IN_STOCK, "nyc",
                "back again"), min(30).plus(HOLD).plusSeconds(120), "admin", null, null);
        events = List.copyOf(b.events);
    }

    public static Instant min(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    public Published event(String typeName) {
        return events.stream().filter(e -> e.type().contains("." + typeName + ".")).findFirst().orElseThrow();
    }

    private static final class Builder {
        private final CloudEventCodec codec;
        private final List<Published> events = new ArrayList<>();

        Builder(CloudEventCodec codec) {
            this.codec = codec;
        }

        String add(String topic, Object payload, Instant at, String actor, String correlation, String causation) {
            Map<String, Object> metaData = new HashMap<>();
            metaData.put(MessageContext.ACTOR, actor);
            metaData.put(MessageContext.CORRELATION, correlation == null ? UUID.randomUUID().toString() : correlation);
            if (causation != null) {
                metaData.put(MessageContext.CAUSATION, causation);
            }
            String id = UUID.randomUUID().toString();
            GenericEventMessage<Object> message = new GenericEventMessage<>(id, payload, metaData, at);
            String subject = subjectOf(payload);
            events.add(new Published(topic, subject, id, EventTypes.typeOf(payload.getClass()),
                    codec.encode(message, subject)));
            return id;
        }

        private static String subjectOf(Object payload) {
            try {
                return (String) payload.getClass().getMethod("subject").invoke(payload);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(payload + " has no subject", e);
            }
        }
    }
}
