package org.chapkit.autoconfigure.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.chapkit.autoconfigure.RunnerAutoConfigurations;
import org.chapkit.autoconfigure.web.ChapkitWebAutoConfiguration;
import org.chapkit.event.DeliveryPolicy;
import org.chapkit.event.EventDestination;
import org.chapkit.event.EventDispatcher;
import org.chapkit.event.EventEnvelope;
import org.chapkit.event.EventLog;
import org.chapkit.event.EventPublisher;
import org.chapkit.event.internal.EventController;
import org.chapkit.job.RecurringWork;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ChapkitEventsAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(RunnerAutoConfigurations.JDBC)
            .withConfiguration(
                    AutoConfigurations.of(ChapkitWebAutoConfiguration.class, ChapkitEventsAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2());

    @Test
    void setsUpTheLogTheDispatcherTheRetentionAndTheApiByDefault() {
        runner.withPropertyValues(
                        "chapkit.service.id=my-model",
                        "chapkit.jobs.instance-name=node-1",
                        "chapkit.events.delivery.max-attempts=5",
                        "chapkit.events.delivery.initial-backoff=200ms")
                .run(context -> {
                    EventLog log = context.getBean(EventLog.class);
                    assertThat(context.getBean(EventPublisher.class)).isSameAs(log);
                    assertThat(log.settings().source()).isEqualTo("/chapkit/my-model/node-1");
                    assertThat(log.settings().policy())
                            .isEqualTo(new DeliveryPolicy(5, Duration.ofMillis(200), Duration.ofMinutes(5), 2.0));
                    assertThat(context).hasSingleBean(EventDispatcher.class);
                    assertThat(context).hasSingleBean(EventController.class);
                    assertThat(context).hasBean("chapkitEventRetention");
                    assertThat(context.getBean("chapkitEventRetention", RecurringWork.class)
                                    .name())
                            .isEqualTo("chapkit-event-retention");
                });
    }

    @Test
    void switchedOffThereIsNoPublisher() {
        runner.withPropertyValues("chapkit.events.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(EventPublisher.class);
            assertThat(context).doesNotHaveBean(EventDispatcher.class);
            assertThat(context).doesNotHaveBean(EventController.class);
        });
    }

    @Test
    void destinationBeansAreDeliveredTo() {
        runner.withUserConfiguration(OneDestination.class).run(context -> {
            EventDispatcher dispatcher = context.getBean(EventDispatcher.class);
            assertThat(dispatcher.destinations())
                    .extracting(state -> state.name())
                    .containsExactly("test");
        });
    }

    @Test
    void userBeansReplaceChapkits() {
        runner.withUserConfiguration(OwnBeans.class).run(context -> {
            assertThat(context.getBean(EventLog.class)).isSameAs(context.getBean("ownLog"));
            assertThat(context.getBean(EventDispatcher.class)).isSameAs(context.getBean("ownDispatcher"));
            assertThat(context.getBean(EventController.class)).isSameAs(context.getBean("ownController"));
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OneDestination {

        @Bean
        EventDestination testDestination() {
            return new EventDestination() {
                @Override
                public String name() {
                    return "test";
                }

                @Override
                public void deliver(EventEnvelope event) {}
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {

        @Bean
        EventLog ownLog(
                javax.sql.DataSource dataSource,
                org.springframework.transaction.PlatformTransactionManager transactionManager) {
            return new EventLog(
                    dataSource,
                    transactionManager,
                    tools.jackson.databind.json.JsonMapper.builder().build(),
                    org.chapkit.event.EventSettings.defaults("/chapkit/own/1", "own-1"),
                    java.time.Clock.systemUTC());
        }

        @Bean(destroyMethod = "close")
        EventDispatcher ownDispatcher(EventLog ownLog) {
            return new EventDispatcher(
                    ownLog,
                    java.util.List.of(),
                    java.util.List.of(),
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        }

        @Bean
        EventController ownController(EventLog ownLog, EventDispatcher ownDispatcher) {
            return new EventController(
                    ownLog,
                    ownDispatcher,
                    new org.chapkit.sse.SseStreamer(
                            tools.jackson.databind.json.JsonMapper.builder().build()),
                    Duration.ofSeconds(1));
        }
    }
}
