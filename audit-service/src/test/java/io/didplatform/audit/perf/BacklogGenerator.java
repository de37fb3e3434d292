package io.didplatform.audit.perf;

import io.didplatform.contracts.clients.DidAssignmentConfirmed;
import io.didplatform.contracts.clients.DidAssignmentRequested;
import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.inventory.DidBlocked;
import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.contracts.inventory.DidHeld;
import io.didplatform.contracts.inventory.DidReleased;
import io.didplatform.contracts.inventory.DidRestored;
import io.didplatform.contracts.inventory.DidRoutingChanged;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.contracts.inventory.DidUnblocked;
import io.didplatform.contracts.inventory.DidUpdated;
import io.didplatform.contracts.inventory.HoldReason;
import io.didplatform.contracts.packages.ClientPackageCreated;
import io.didplatform.contracts.packages.DeactivationReason;
import io.didplatform.contracts.packages.PackageActivated;
import io.didplatform.contracts.packages.PackageDeactivated;
import io.didplatform.support.axon.MessageContext;
import io.didplatform.support.kafka.CloudEventCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.GenericEventMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Puts a backlog of realistic DID lifecycles on the three topics, encoded as the services' outbox encodes them:
 * per DID twelve events (created, assigned with the client's request and confirmation, routed, blocked,
 * unblocked, held by its package's deactivation, restored, given back, released, edited), and per client
 * package its creation, activation, deactivation and re-activation.
 */
final class BacklogGenerator {
    static final int EVENTS_PER_DID = 12;
    private static final int DIDS_PER_CLIENT = 100;
    private static final Instant START = Instant.parse("2025-06-01T00:00:00Z");

    private final CloudEventCodec codec;
    private final KafkaProducer<String, byte[]> producer;
    private final String inventoryTopic;
    private final String packageTopic;
    private final String clientTopic;
    private long sent;

    BacklogGenerator(CloudEventCodec codec, KafkaProducer<String, byte[]> producer, String inventoryTopic,
                     String packageTopic, String clientTopic) {
        this.codec = codec;
        this.producer = producer;
        this.inventoryTopic = inventoryTopic;
        this.packageTopic = packageTopic;
        this.clientTopic = clientTopic;
    }

    static String number(int did) {
        return String.valueOf(19_000_000_000L + did);
    }

    /** Publishes {@code dids} lifecycles; returns how many events were sent. */
    long publish(int dids) {
        String operator = UUID.randomUUID().toString();
        for (int first = 0; first < dids; first += DIDS_PER_CLIENT) {
            publishClient(first, Math.min(first + DIDS_PER_CLIENT, dids), operator);
        }
        producer.flush();
        return sent;
    }

    private void publishClient(int firstDid, int endDid, String operator) {
        String client = UUID.randomUUID().toString();
        String pkg = UUID.randomUUID().toString();
        String cp = UUID.randomUUID().toString();
        Instant t = START.plus(Duration.ofMinutes(firstDid));
        send(packageTopic, cp, new ClientPackageCreated(cp, client, pkg, DIDS_PER_CLIENT, List.of(), null, null), t, null);
        send(packageTopic, cp, new PackageActivated(cp, client, pkg, DIDS_PER_CLIENT, List.of()), t.plusSeconds(1), null);
        String deactivated = send(packageTopic, cp, new PackageDeactivated(cp, client, pkg, DeactivationReason.MANUAL),
                t.plusSeconds(40), null);
        String activated = send(packageTopic, cp, new PackageActivated(cp, client, pkg, DIDS_PER_CLIENT, List.of()),
                t.plusSeconds(50), null);
        for (int did = firstDid; did < endDid; did++) {
            String n = number(did);
            UUID request = UUID.randomUUID();
            Instant at = t.plusMillis(did - firstDid);
            send(inventoryTopic, n, new DidCreated(n, operator, DidStatus.IN_STOCK, DidStatus.IN_STOCK, "nyc", ""), at, null);
            String requested = send(clientTopic, client, new DidAssignmentRequested(client, request, n, cp, "sip:" + n + "@pbx",
                    List.of()), at.plusSeconds(10), null);
            String assigned = send(inventoryTopic, n, new DidAssigned(n, request, client, cp, "sip:" + n + "@pbx"),
                    at.plusSeconds(11), requested);
            send(clientTopic, client, new DidAssignmentConfirmed(client, request, n, cp), at.plusSeconds(12), assigned);
            send(inventoryTopic, n, new DidRoutingChanged(n, "sip:" + n + "@pbx2"), at.plusSeconds(20), null);
            send(inventoryTopic, n, new DidBlocked(n), at.plusSeconds(30), null);
            send(inventoryTopic, n, new DidUnblocked(n), at.plusSeconds(35), null);
            send(inventoryTopic, n, new DidHeld(n, cp, HoldReason.PACKAGE_INACTIVE, at.plus(Duration.ofDays(30)),
                    DidStatus.ACTIVE), at.plusSeconds(41), deactivated);
            send(inventoryTopic, n, new DidRestored(n, cp, DidStatus.ACTIVE), at.plusSeconds(51), activated);
            send(inventoryTopic, n, new DidHeld(n, cp, HoldReason.RELEASED, at.plus(Duration.ofDays(31)),
                    DidStatus.ACTIVE), at.plusSeconds(60), null);
            send(inventoryTopic, n, new DidReleased(n, DidStatus.IN_STOCK), at.plus(Duration.ofDays(31)), null);
            send(inventoryTopic, n, new DidUpdated(n, operator, DidStatus.RESERVED, DidStatus.IN_STOCK, "nyc", "kept"),
                    at.plus(Duration.ofDays(32)), null);
        }
    }

    private String send(String topic, String key, Object payload, Instant at, String causation) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(MessageContext.ACTOR, "perf");
        metaData.put(MessageContext.CORRELATION, id);
        if (causation != null) {
            metaData.put(MessageContext.CAUSATION, causation);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                codec.encode(new GenericEventMessage<>(id, payload, metaData, at), key));
        record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(record);
        sent++;
        return id;
    }
}
