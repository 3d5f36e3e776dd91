package org.chapkit.autoconfigure.event.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.chapkit.event.redis.RedisStreamEventDestination;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** When the Redis Streams destination exists: switched on, Spring Data Redis present, no destination of the application's own. */
class ChapkitRedisEventsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(DataRedisAutoConfiguration.class, ChapkitRedisEventsAutoConfiguration.class));

    @Test
    void isOffUnlessSwitchedOn() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RedisStreamEventDestination.class));
    }

    @Test
    void appendsToTheConfiguredStream() {
        runner.withPropertyValues("chapkit.events.redis.enabled=true", "chapkit.events.redis.stream=model:events")
                .run(context -> assertThat(context.getBean(RedisStreamEventDestination.class).stream())
                        .isEqualTo("model:events"));
    }

    @Test
    void backsOffWithoutSpringDataRedis() {
        runner.withPropertyValues("chapkit.events.redis.enabled=true")
                .withClassLoader(new FilteredClassLoader(StringRedisTemplate.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RedisStreamEventDestination.class));
    }

    @Test
    void backsOffForTheApplicationsOwnDestination() {
        runner.withPropertyValues("chapkit.events.redis.enabled=true")
                .withUserConfiguration(OwnDestination.class)
                .run(context -> assertThat(context.getBean(RedisStreamEventDestination.class).stream())
                        .isEqualTo("own"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDestination {

        @Bean
        RedisStreamEventDestination ownDestination(RedisConnectionFactory connections) {
            return new RedisStreamEventDestination(new StringRedisTemplate(connections), "own", 0);
        }
    }
}
