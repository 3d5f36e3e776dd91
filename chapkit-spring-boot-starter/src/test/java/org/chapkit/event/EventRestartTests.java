package org.chapkit.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.chapkit.TestServiceApplication;
import org.chapkit.config.ConfigCreated;
import org.chapkit.config.ConfigIn;
import org.chapkit.config.ConfigManager;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** What was committed but not delivered when the service stopped is delivered by the next one on the same database. */
class EventRestartTests {

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    @AfterEach
    void closeContexts() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aRestartDeliversWhatWasCommittedButNotDeliveredOnH2() {
        restartDelivers(TestDatabases.freshH2(), "sa", "");
    }

    @Test
    void aRestartDeliversWhatWasCommittedButNotDeliveredOnPostgres() {
        TestDatabases.Postgres pg = TestDatabases.freshPostgres();
        restartDelivers(pg.url(), pg.username(), pg.password());
    }

    private void restartDelivers(String url, String username, String password) {
        ConfigurableApplicationContext first = start(url, username, password, "first");
        RecordingDestination refusing = first.getBean(RecordingDestination.class);
        refusing.failNext(Integer.MAX_VALUE);
        ConfigManager<?> configs = first.getBean(ConfigManager.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(configs.save(
                            new ConfigIn(
                                    null,
                                    List.of(),
                                    "restart-" + i,
                                    JsonMapper.builder().build().readTree("{\"prediction_periods\": 3}")),
                            OptionalLong.empty())
                    .config()
                    .id());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> refusing.attempts() >= 1);
        assertThat(refusing.received()).isEmpty();
        first.close();
        contexts.remove(first);

        ConfigurableApplicationContext second = start(url, username, password, "second");
        RecordingDestination accepting = second.getBean(RecordingDestination.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> accepting.received().size() >= 3);
        assertThat(accepting.received())
                .filteredOn(e -> e.type().equals(ConfigCreated.TYPE))
                .extracting(e -> e.data().get("config_id").asString())
                .containsExactlyElementsOf(ids);
    }

    private ConfigurableApplicationContext start(String url, String username, String password, String instance) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        TestServiceApplication.class, Destination.class)
                .properties(
                        "spring.datasource.url=" + url,
                        "spring.datasource.username=" + username,
                        "spring.datasource.password=" + password,
                        "spring.datasource.hikari.maximum-pool-size=6",
                        "server.port=0",
                        "spring.main.banner-mode=off",
                        "chapkit.jobs.instance-name=" + instance,
                        "chapkit.events.poll-interval=100ms",
                        "chapkit.events.delivery.initial-backoff=100ms",
                        "chapkit.events.delivery.max-backoff=200ms")
                .run();
        contexts.add(context);
        return context;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Destination {

        @Bean
        RecordingDestination recordingDestination() {
            return new RecordingDestination("restart");
        }
    }
}
