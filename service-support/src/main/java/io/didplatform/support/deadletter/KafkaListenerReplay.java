package io.didplatform.support.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.AcknowledgingConsumerAwareMessageListener;
import org.springframework.kafka.listener.BatchAcknowledgingConsumerAwareMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.Arrays;
import java.util.List;

/**
 * Hands a dead-lettered record to this service's listener of its topic again, on the caller's thread, as its
 * container would: only that consumer sees it (putting it back on the topic would deliver it to every consumer
 * group, and to the platform's outside readers). The listener's transaction and de-duplication apply as usual.
 */
public class KafkaListenerReplay {
    private final KafkaListenerEndpointRegistry listeners;

    public KafkaListenerReplay(KafkaListenerEndpointRegistry listeners) {
        this.listeners = listeners;
    }

    /**
     * @throws IllegalStateException when no listener of this service reads the record's topic
     * @throws RuntimeException      what the listener threw
     */
    @SuppressWarnings("unchecked")
    public void replay(ConsumerRecord<String, byte[]> record) {
        Object listener = listenerOf(record.topic());
        if (listener instanceof AcknowledgingConsumerAwareMessageListener<?, ?> single) {
            ((AcknowledgingConsumerAwareMessageListener<String, byte[]>) single).onMessage(record, null, null);
        } else if (listener instanceof BatchAcknowledgingConsumerAwareMessageListener<?, ?> batch) {
            ((BatchAcknowledgingConsumerAwareMessageListener<String, byte[]>) batch).onMessage(List.of(record), null, null);
        } else {
            throw new IllegalStateException("the listener of " + record.topic() + " cannot be called directly: " + listener);
        }
    }

    private Object listenerOf(String topic) {
        return listeners.getListenerContainers().stream()
                .filter(container -> Arrays.asList(container.getContainerProperties().getTopics()).contains(topic))
                .map(MessageListenerContainer::getContainerProperties)
                .map(ContainerProperties::getMessageListener)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no listener of this service reads " + topic));
    }
}
