package org.chapkit.autoconfigure.event.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.chapkit.event.rabbitmq.RabbitEventDestination;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** When the RabbitMQ destination exists: switched on, Spring AMQP present, no destination of the application's own. */
class ChapkitRabbitEventsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(RabbitAutoConfiguration.class, ChapkitRabbitEventsAutoConfiguration.class));

    @Test
    void isOffUnlessSwitchedOn() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RabbitEventDestination.class));
    }

    @Test
    void publishesToTheConfiguredExchange() {
        runner.withPropertyValues(
                        "chapkit.events.rabbitmq.enabled=true", "chapkit.events.rabbitmq.exchange=model.events")
                .run(context -> {
                    assertThat(context).hasSingleBean(RabbitEventDestination.class);
                    assertThat(context.getBean(RabbitEventDestination.class).exchange())
                            .isEqualTo("model.events");
                    assertThat(context.getBean(ChapkitRabbitEventsProperties.class)
                                    .confirmTimeout())
                            .isEqualTo(Duration.ofSeconds(10));
                });
    }

    @Test
    void backsOffWithoutSpringAmqp() {
        runner.withPropertyValues("chapkit.events.rabbitmq.enabled=true")
                .withClassLoader(new FilteredClassLoader(RabbitTemplate.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RabbitEventDestination.class));
    }

    @Test
    void backsOffForTheApplicationsOwnDestination() {
        runner.withPropertyValues("chapkit.events.rabbitmq.enabled=true")
                .withUserConfiguration(OwnDestination.class)
                .run(context -> assertThat(context.getBean(RabbitEventDestination.class))
                        .isSameAs(context.getBean(OwnDestination.class).destination));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDestination {

        final RabbitEventDestination destination = new RabbitEventDestination(
                new CachingConnectionFactory("127.0.0.1", 1), "own", false, Duration.ofSeconds(1));

        @Bean
        RabbitEventDestination ownDestination() {
            return destination;
        }
    }
}
