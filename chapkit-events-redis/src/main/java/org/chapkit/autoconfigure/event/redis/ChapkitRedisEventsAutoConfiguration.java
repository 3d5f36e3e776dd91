package org.chapkit.autoconfigure.event.redis;

import org.chapkit.autoconfigure.event.ChapkitEventsAutoConfiguration;
import org.chapkit.event.redis.RedisStreamEventDestination;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Sends chapkit's events to a Redis stream when Spring Data Redis is on the class path and {@code
 * chapkit.events.redis.enabled=true}, over the application's {@link RedisConnectionFactory} (Spring Boot's, from
 * {@code spring.data.redis.*}).
 */
@AutoConfiguration(after = {DataRedisAutoConfiguration.class, ChapkitEventsAutoConfiguration.class})
@ConditionalOnClass(StringRedisTemplate.class)
@ConditionalOnBooleanProperty("chapkit.events.redis.enabled")
@EnableConfigurationProperties(ChapkitRedisEventsProperties.class)
public final class ChapkitRedisEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(RedisConnectionFactory.class)
    RedisStreamEventDestination chapkitRedisEventDestination(
            ChapkitRedisEventsProperties properties, RedisConnectionFactory connections) {
        return new RedisStreamEventDestination(
                new StringRedisTemplate(connections), properties.stream(), properties.maxLength());
    }
}
