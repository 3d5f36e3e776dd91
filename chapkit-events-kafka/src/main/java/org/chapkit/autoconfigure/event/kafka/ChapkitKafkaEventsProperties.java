package org.chapkit.autoconfigure.event.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Kafka event destination and command topic. The cluster is Spring Boot's {@code spring.kafka.*}
 * (bootstrap servers, security, producer and consumer settings); chapkit sets the serializers, {@code acks=all} and
 * idempotence itself.
 *
 * @param enabled whether chapkit's events go to Kafka
 * @param topic the topic events are published to, keyed by subject
 * @param createTopic whether chapkit creates the topic when it is missing
 * @param partitions the partitions of a topic chapkit creates; unset for the broker's default
 * @param replicationFactor the replication factor of a topic chapkit creates; unset for the broker's default
 * @param sendTimeout how long one event waits for the broker's acknowledgement (and for metadata when the broker is
 *     away) before the attempt counts as failed and is retried
 * @param commands the inbound command topic
 */
@ConfigurationProperties("chapkit.events.kafka")
public record ChapkitKafkaEventsProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("chapkit-events") String topic,
        @DefaultValue("true") boolean createTopic,
        Integer partitions,
        Short replicationFactor,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue Commands commands) {

    /**
     * The inbound command topic: {@code $train}, {@code $predict} and task {@code $execute} records.
     *
     * @param enabled whether chapkit consumes commands from Kafka
     * @param topic the topic commands are read from
     * @param deadLetterTopic the topic rejected commands are written to, with their reason
     * @param groupId the consumer group of the service's instances
     * @param concurrency how many consumers read the topic in one instance
     */
    public record Commands(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("chapkit-commands") String topic,
            @DefaultValue("chapkit-commands-dlt") String deadLetterTopic,
            @DefaultValue("chapkit-commands") String groupId,
            @DefaultValue("1") int concurrency) {}
}
