package io.didplatform.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.contracts.Topics;
import io.didplatform.contracts.clients.DidAssignmentRequested;
import io.didplatform.contracts.clients.DidBlockRequested;
import io.didplatform.contracts.clients.DidReturnRequested;
import io.didplatform.contracts.clients.DidRoutingChangeRequested;
import io.didplatform.contracts.clients.DidUnblockRequested;
import io.didplatform.contracts.inventory.AssignmentRejection;
import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.inventory.DidAssignmentRejected;
import io.didplatform.contracts.inventory.DidBlocked;
import io.didplatform.contracts.inventory.DidHeld;
import io.didplatform.contracts.inventory.DidRoutingChanged;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.contracts.inventory.DidUnblocked;
import io.didplatform.contracts.inventory.HoldReason;
import io.didplatform.contracts.inventory.InventoryEvent;
import io.didplatform.support.kafka.CloudEventCodec;
import io.didplatform.support.kafka.InboundEvent;
import io.didplatform.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for did-inventory-service's half of the saga, so these tests need only this service: reads
 * client.events on the real broker (from its end at start) and answers as the Did aggregate is specified to (the
 * client-service README's "What inventory must do"), one event at a time, from a small stock kept in memory.
 * Numbers put in {@link #ignore} are never answered.
 */
final class InventoryStandIn implements AutoCloseable {
    private record Did(DidStatus status, String tag) {
    }

    private final Map<String, Did> stock = new ConcurrentHashMap<>();
    private final Set<String> ignored = ConcurrentHashMap.newKeySet();
    private final PlatformEvents events;
    private final CloudEventCodec codec;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;

    InventoryStandIn(ObjectMapper json, PlatformEvents events) {
        this.events = events;
        this.codec = new CloudEventCodec(json, "/did-inventory-service");
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.CLIENT).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before the test sends anything
        thread = new Thread(this::run, "inventory-stand-in");
        thread.start();
    }

    void stock(String number, String tag) {
        stock.put(number, new Did(DidStatus.IN_STOCK, tag));
    }

    void reserve(String number) {
        stock.put(number, new Did(DidStatus.RESERVED, ""));
    }

    void ignore(String number) {
        ignored.add(number);
    }

    private void run() {
        try {
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    InboundEvent event = codec.decode(record.value());
                    answer(codec.payloadOf(event), event);
                }
            }
        } catch (WakeupException closing) {
            consumer.close();
        }
    }

    private void answer(Object request, InboundEvent cause) {
        if (request instanceof DidAssignmentRequested asked && !ignored.contains(asked.number())) {
            events.publish(assign(asked), cause);
        } else if (request instanceof DidRoutingChangeRequested routing) {
            events.publish(new DidRoutingChanged(routing.number(), routing.destination()), cause);
        } else if (request instanceof DidBlockRequested block) {
            events.publish(new DidBlocked(block.number()), cause);
        } else if (request instanceof DidUnblockRequested unblock) {
            events.publish(new DidUnblocked(unblock.number()), cause);
        } else if (request instanceof DidReturnRequested giveBack) {
            events.publish(new DidHeld(giveBack.number(), giveBack.clientPackageId(), HoldReason.RELEASED,
                    Instant.now().plus(Duration.ofDays(30)), DidStatus.ACTIVE), cause);
        }
    }

    private InventoryEvent assign(DidAssignmentRequested asked) {
        Did did = stock.get(asked.number());
        AssignmentRejection refusal = did == null ? AssignmentRejection.UNKNOWN_NUMBER
                : did.status() != DidStatus.IN_STOCK ? AssignmentRejection.NOT_IN_STOCK
                : !asked.allowedTags().isEmpty() && !asked.allowedTags().contains(did.tag()) ? AssignmentRejection.TAG_NOT_ALLOWED
                : null;
        if (refusal != null) {
            return new DidAssignmentRejected(asked.number(), asked.requestId(), asked.clientId(), asked.clientPackageId(),
                    refusal);
        }
        stock.put(asked.number(), new Did(DidStatus.ACTIVE, did.tag()));
        return new DidAssigned(asked.number(), asked.requestId(), asked.clientId(), asked.clientPackageId(),
                asked.destination());
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join();
    }
}
