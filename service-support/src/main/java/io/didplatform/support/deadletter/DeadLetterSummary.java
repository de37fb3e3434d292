package io.didplatform.support.deadletter;

import java.time.Instant;

/**
 * One dead letter as the admin endpoint lists it.
 *
 * @param id             what to retry or discard it by
 * @param kind           {@code kafka}: a record a Kafka listener could not process; {@code axon}: an event an event
 *                       processor could not handle
 * @param consumer       who could not: {@code <topic>.<consumer group>} (its dead-letter topic is that plus
 *                       {@code .dlt}), or the processing group
 * @param eventId        the event's id, when the record says one
 * @param type           the event's type ({@code did.DidCreated.v1}), when known
 * @param aggregate      the aggregate (CloudEvent subject) the event is about
 * @param error          why, in the words of the failure; for an event waiting behind an earlier dead letter of
 *                       its aggregate, null
 * @param errorType      the failure's class
 * @param waiting        true for an event that did not fail itself but waits, in order, behind an earlier dead
 *                       letter of its aggregate
 * @param deadLetteredAt when it was dead-lettered
 * @param lastAttemptAt  when it was last tried
 * @param retries        how often a retry from the endpoint failed (Kafka records)
 * @param topic          the Kafka record's topic, partition and offset
 */
public record DeadLetterSummary(String id, String kind, String consumer, String eventId, String type, String aggregate,
                                String error, String errorType, boolean waiting, Instant deadLetteredAt,
                                Instant lastAttemptAt, Integer retries, String topic, Integer partition, Long offset) {
}
