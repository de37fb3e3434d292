package io.didplatform.support.kafka;

import io.didplatform.contracts.clients.ClientEvent;
import io.didplatform.contracts.inventory.InventoryEvent;
import io.didplatform.contracts.packages.PackageEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends stored events to the service's topic as CloudEvents, keyed by their subject, for the outbox's lanes. The
 * sends of a batch are awaited before its token is committed, so an event reaches Kafka at least once; sends made
 * one after another reach a partition in that order.
 */
public class OutboxPublisher {
    private static final String PENDING_SENDS = OutboxPublisher.class.getName() + ".pending";
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, byte[]> kafka;
    private final CloudEventCodec codec;
    private final String topic;
    private final Serializer eventSerializer;

    /** {@code eventSerializer}: the event store's, a JSON serializer, so stored payloads are the events' JSON. */
    public OutboxPublisher(KafkaTemplate<String, byte[]> kafka, CloudEventCodec codec, String topic,
                           Serializer eventSerializer) {
        this.kafka = kafka;
        this.codec = codec;
        this.topic = topic;
        this.eventSerializer = eventSerializer;
    }

    /**
     * Sends the event within the current unit of work. The payload is sent as the event store holds it, never
     * deserialized here (a bulk run publishes a million events).
     */
    void send(EventMessage<?> message) {
        String subject = subjectOf(message);
        byte[] payload = message.serializePayload(eventSerializer, byte[].class).getData();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, subject, codec.encode(message, subject, payload));
        record.headers().add(new RecordHeader("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
        pendingSends().add(kafka.send(record));
    }

    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.root().getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            unitOfWork.root().onPrepareCommit(u -> awaitAll(sends));
            return sends;
        });
    }

    private static void awaitAll(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaPublishException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaPublishException("Kafka did not take the batch: "
                    + (e instanceof ExecutionException ? e.getCause() : e), e);
        }
    }

    /**
     * Every published event applied by an aggregate has that aggregate as its subject (a DID's number, an
     * operator's, package's or client's id), so the subject is known without the payload. An event published
     * outside an aggregate is stored with no aggregate type and says its subject itself.
     */
    private static String subjectOf(EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> domainEvent && domainEvent.getType() != null) {
            return domainEvent.getAggregateIdentifier();
        }
        Object payload = message.getPayload();
        if (payload instanceof InventoryEvent event) {
            return event.subject();
        }
        if (payload instanceof PackageEvent event) {
            return event.subject();
        }
        return ((ClientEvent) payload).subject();
    }

    /**
     * The broker did not take a batch. The processor backs off and retries it: for as long as the broker is away, a
     * few times when it refuses an event (too large, say), which then waits in the outbox's dead letters.
     */
    public static class KafkaPublishException extends RuntimeException {
        KafkaPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
