package org.chapkit.autoconfigure.event.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.chapkit.event.kafka.KafkaEventDestination;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** When the Kafka destination exists: switched on, Spring for Apache Kafka present, no destination of the application's own. */
class ChapkitKafkaEventsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(KafkaAutoConfiguration.class, ChapkitKafkaEventsAutoConfiguration.class));

    @Test
    void isOffUnlessSwitchedOn() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(KafkaEventDestination.class));
    }

    @Test
    void publishesToTheConfiguredTopic() {
        runner.withPropertyValues("chapkit.events.kafka.enabled=true", "chapkit.events.kafka.topic=model.events")
                .run(context -> {
                    assertThat(context).hasSingleBean(KafkaEventDestination.class);
                    assertThat(context.getBean(KafkaEventDestination.class).topic())
                            .isEqualTo("model.events");
                });
    }

    @Test
    void backsOffWithoutSpringForApacheKafka() {
        runner.withPropertyValues("chapkit.events.kafka.enabled=true")
                .withClassLoader(new FilteredClassLoader(KafkaTemplate.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(KafkaEventDestination.class));
    }

    @Test
    void backsOffForTheApplicationsOwnDestination() {
        runner.withPropertyValues("chapkit.events.kafka.enabled=true")
                .withUserConfiguration(OwnDestination.class)
                .run(context -> assertThat(
                                context.getBean(KafkaEventDestination.class).topic())
                        .isEqualTo("own"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDestination {

        @Bean
        KafkaEventDestination ownDestination() {
            return new KafkaEventDestination(
                    new DefaultKafkaProducerFactory<>(Map.of()),
                    null,
                    "own",
                    Optional.empty(),
                    Optional.empty(),
                    Duration.ofSeconds(1));
        }
    }
}
