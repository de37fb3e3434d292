package io.didplatform.support.deadletter;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Where a Kafka record goes when its listener cannot process it: published, bytes unchanged, to the consumer's
 * dead-letter topic {@code <topic>.<consumer group>.dlt} (spring-kafka adds the exception, and the original topic,
 * partition, offset and consumer group, as headers), and stored in the service's database for the admin endpoint.
 * Should either fail, the error handler delivers the record again, so it is never lost on the way.
 */
public class KafkaDeadLetterRecoverer implements ConsumerAwareRecordRecoverer {
    private static final Logger log = LoggerFactory.getLogger(KafkaDeadLetterRecoverer.class);

    private final DeadLetterPublishingRecoverer publisher;
    private final KafkaDeadLetterStore store;
    private final DeadLetterMeters meters;

    public KafkaDeadLetterRecoverer(KafkaOperations<String, byte[]> kafka, KafkaDeadLetterStore store, DeadLetterMeters meters) {
        this.publisher = new DeadLetterPublishingRecoverer(kafka, (record, e) ->
                // no partition: the record's key chooses one, as it did on the original topic
                new TopicPartition(DeadLetterTopics.topicOf(record.topic(), consumerGroup(null)), -1));
        this.store = store;
        this.meters = meters;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        String group = consumerGroup(consumer);
        publisher.accept(record, consumer, exception);
        Throwable reason = Failures.reasonOf(exception);
        store.add(group, record, reason);
        String name = DeadLetterTopics.consumerOf(record.topic(), group);
        meters.added(DeadLetterMeters.KAFKA, name);
        log.error("Dead-lettered record {}-{}@{} of consumer {} to {}: {}", record.topic(), record.partition(),
                record.offset(), group, DeadLetterTopics.topicOf(record.topic(), group), Failures.describe(reason));
    }

    private static String consumerGroup(Consumer<?, ?> consumer) {
        // the container sets the thread's group while it calls its listener and error handler
        return consumer != null ? consumer.groupMetadata().groupId() : KafkaUtils.getConsumerGroupId();
    }
}
