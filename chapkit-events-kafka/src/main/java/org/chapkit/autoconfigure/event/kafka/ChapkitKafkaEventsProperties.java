package org.chapkit.autoconfigure.event.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Kafka event destination. The cluster is Spring Boot's {@code spring.kafka.*} (bootstrap servers,
 * security, producer settings); chapkit sets the serializers, {@code acks=all} and idempotence itself.
 *
 * @param enabled whether chapkit's events go to Kafka
 * @param topic the topic events are published to, keyed by subject
 * @param createTopic whether chapkit creates the topic when it is missing
 * @param partitions the partitions of a topic chapkit creates; unset for the broker's default
 * @param replicationFactor the replication factor of a topic chapkit creates; unset for the broker's default
 * @param sendTimeout how long one event waits for the broker's acknowledgement (and for metadata when the broker is
 *     away) before the attempt counts as failed and is retried
 */
@ConfigurationProperties("chapkit.events.kafka")
public record ChapkitKafkaEventsProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("chapkit.events") String topic,
        @DefaultValue("true") boolean createTopic,
        Integer partitions,
        Short replicationFactor,
        @DefaultValue("10s") Duration sendTimeout) {}
