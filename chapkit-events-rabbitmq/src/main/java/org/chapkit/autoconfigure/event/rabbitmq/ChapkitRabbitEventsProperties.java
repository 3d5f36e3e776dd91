package org.chapkit.autoconfigure.event.rabbitmq;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the RabbitMQ event destination and command queue. The broker itself is Spring Boot's {@code
 * spring.rabbitmq.*}.
 *
 * @param enabled whether chapkit's events go to RabbitMQ
 * @param exchange the topic exchange events are published to, with the event type as routing key
 * @param declareExchange whether chapkit declares the exchange (durable topic) before publishing; switch off when the
 *     broker's topology is managed elsewhere and the service may not declare
 * @param confirmTimeout how long a batch of events waits for the broker's publisher confirms before the attempt
 *     counts as failed (from the first event not confirmed) and is retried
 * @param commands the inbound command queue
 */
@ConfigurationProperties("chapkit.events.rabbitmq")
public record ChapkitRabbitEventsProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("chapkit-events") String exchange,
        @DefaultValue("true") boolean declareExchange,
        @DefaultValue("10s") Duration confirmTimeout,
        @DefaultValue Commands commands) {

    /**
     * The inbound command queue: {@code $train}, {@code $predict} and task {@code $execute} messages.
     *
     * @param enabled whether chapkit consumes commands from RabbitMQ
     * @param queue the durable queue commands are read from (declared by chapkit)
     * @param deadLetterQueue the durable queue rejected commands are moved to, with their reason
     * @param concurrency how many consumers read the queue
     */
    public record Commands(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("chapkit-commands") String queue,
            @DefaultValue("chapkit-commands-dlq") String deadLetterQueue,
            @DefaultValue("1") int concurrency) {}
}
