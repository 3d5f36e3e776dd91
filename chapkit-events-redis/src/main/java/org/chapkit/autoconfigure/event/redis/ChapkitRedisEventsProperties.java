package org.chapkit.autoconfigure.event.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Redis Streams event destination. The server is Spring Boot's {@code spring.data.redis.*} (its
 * {@code timeout} bounds one {@code XADD}).
 *
 * @param enabled whether chapkit's events go to a Redis stream
 * @param stream the stream's key
 * @param maxLength the length the stream is trimmed to on each {@code XADD} ({@code MAXLEN ~}, approximate, so Redis
 *     trims whole nodes); 0 keeps every entry
 */
@ConfigurationProperties("chapkit.events.redis")
public record ChapkitRedisEventsProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("chapkit:events") String stream,
        @DefaultValue("100000") long maxLength) {}
