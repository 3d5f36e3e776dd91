package org.chapkit.autoconfigure.event.rabbitmq;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the RabbitMQ event destination. The broker itself is Spring Boot's {@code spring.rabbitmq.*}.
 *
 * @param enabled whether chapkit's events go to RabbitMQ
 * @param exchange the topic exchange events are published to, with the event type as routing key
 * @param declareExchange whether chapkit declares the exchange (durable topic) before publishing; switch off when the
 *     broker's topology is managed elsewhere and the service may not declare
 * @param confirmTimeout how long one event waits for the broker's publisher confirm before the attempt counts as
 *     failed and is retried
 */
@ConfigurationProperties("chapkit.events.rabbitmq")
public record ChapkitRabbitEventsProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("chapkit.events") String exchange,
        @DefaultValue("true") boolean declareExchange,
        @DefaultValue("10s") Duration confirmTimeout) {}
