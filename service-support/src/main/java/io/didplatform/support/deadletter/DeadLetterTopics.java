package io.didplatform.support.deadletter;

import io.didplatform.support.kafka.PlatformTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.ArrayList;
import java.util.List;

/**
 * Each consumer's dead-letter topic, {@code <topic>.<consumer group>.dlt} (e.g.
 * {@code client.events.did-inventory-service.dlt}), created with the partitions of the platform's topics before
 * the listeners start, and watched by a {@link DeadLetterMeters gauge}. The consumers are the service's
 * {@code @KafkaListener}s: one per topic it reads.
 */
public class DeadLetterTopics implements SmartLifecycle {
    private static final String SUFFIX = ".dlt";

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin admin;
    private final KafkaDeadLetterStore store;
    private final DeadLetterMeters meters;
    private final int partitions;
    private final short replicas;
    private volatile boolean running;

    public DeadLetterTopics(KafkaListenerEndpointRegistry listeners, KafkaAdmin admin, KafkaDeadLetterStore store,
                            DeadLetterMeters meters, int partitions, short replicas) {
        this.listeners = listeners;
        this.admin = admin;
        this.store = store;
        this.meters = meters;
        this.partitions = partitions;
        this.replicas = replicas;
    }

    /** The consumer of {@code topic} in {@code consumerGroup}, as metrics and the admin endpoint name it. */
    public static String consumerOf(String topic, String consumerGroup) {
        return topic + "." + consumerGroup;
    }

    public static String topicOf(String topic, String consumerGroup) {
        return consumerOf(topic, consumerGroup) + SUFFIX;
    }

    @Override
    public void start() {
        List<NewTopic> topics = new ArrayList<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String group = container.getGroupId();
            for (String topic : container.getContainerProperties().getTopics()) {
                topics.add(PlatformTopics.kept(topicOf(topic, group), partitions, replicas));
                meters.watch(DeadLetterMeters.KAFKA, consumerOf(topic, group), () -> store.count(group, topic));
            }
        }
        if (!topics.isEmpty()) {
            admin.createOrModifyTopics(topics.toArray(NewTopic[]::new));
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the listener containers, so no record is dead-lettered to a topic the broker would make up. */
    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE - 100;
    }
}
