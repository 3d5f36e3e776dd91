package org.chapkit.autoconfigure.event.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import org.chapkit.event.nats.NatsEventDestination;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** When the NATS destination exists: switched on, the NATS client present, no destination of the application's own. */
class ChapkitNatsEventsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ChapkitNatsEventsAutoConfiguration.class));

    @Test
    void isOffUnlessSwitchedOn() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(NatsEventDestination.class));
    }

    @Test
    void publishesUnderTheConfiguredPrefixWithoutConnectingAtStartUp() {
        runner.withPropertyValues(
                        "chapkit.events.nats.enabled=true",
                        "chapkit.events.nats.servers=nats://127.0.0.1:1",
                        "chapkit.events.nats.subject-prefix=model")
                .run(context -> assertThat(
                                context.getBean(NatsEventDestination.class).subject("org.chapkit.job.completed"))
                        .isEqualTo("model.org.chapkit.job.completed"));
    }

    @Test
    void backsOffWithoutTheNatsClient() {
        runner.withPropertyValues("chapkit.events.nats.enabled=true")
                .withClassLoader(new FilteredClassLoader(Nats.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(NatsEventDestination.class));
    }

    @Test
    void backsOffForTheApplicationsOwnDestination() {
        runner.withPropertyValues("chapkit.events.nats.enabled=true")
                .withUserConfiguration(OwnDestination.class)
                .run(context -> assertThat(
                                context.getBean(NatsEventDestination.class).subject("x"))
                        .isEqualTo("own.x"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDestination {

        @Bean
        NatsEventDestination ownDestination() {
            return new NatsEventDestination(
                    Options.builder().build(), "OWN", "own", Duration.ofMinutes(1), Duration.ofSeconds(1));
        }
    }
}
