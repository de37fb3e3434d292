package io.didplatform.support.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Every topic the platform creates keeps every record: a topic is the log a new consumer, the audit's rebuild and
 * the reconciliation read from its beginning, and a dead-letter topic holds what is set aside until someone looks.
 * The broker's default (7 days) would drop events no store elsewhere can give again to a consumer.
 */
public final class PlatformTopics {
    private PlatformTopics() {
    }

    public static NewTopic kept(String name, int partitions, short replicas) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicas)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .build();
    }
}
