package org.chapkit.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.chapkit.config.ConfigIn;
import org.chapkit.config.ConfigManager;
import org.chapkit.job.Job;
import org.chapkit.job.JobCompleted;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobStarted;
import org.chapkit.job.JobSubmitted;
import org.chapkit.job.TestJobHandlers;
import org.chapkit.job.TestJobHandlers.Sleep;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The outbox: events written with their state change, delivered after commit, in order per subject, once each. */
class EventOutboxTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Nested
    @ServiceTestOnH2
    @Import(Destinations.class)
    @TestPropertySource(properties = {"chapkit.events.poll-interval=100ms", "chapkit.events.progress-interval=0s"})
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    @Import(Destinations.class)
    @TestPropertySource(properties = {"chapkit.events.poll-interval=100ms", "chapkit.events.progress-interval=0s"})
    class OnPostgres extends Contract {}

    @TestConfiguration(proxyBeanMethods = false)
    static class Destinations {

        @Bean
        RecordingDestination recordingDestination() {
            return new RecordingDestination("recording");
        }
    }

    abstract static class Contract {

        @LocalServerPort
        int port;

        @Autowired
        RecordingDestination destination;

        @Autowired
        ConfigManager<?> configs;

        @Autowired
        JobManager jobs;

        @Autowired
        EventLog log;

        @Autowired
        PlatformTransactionManager transactionManager;

        HttpApi api;

        @BeforeEach
        void connect() {
            api = new HttpApi(port);
        }

        @Test
        void configEventsNameTheConfigType() {
            HttpApi.Response created = api.postJson(
                    "/api/v1/config-types/scenario/configs", "{\"name\":\"wet\",\"data\":{\"rainfall_factor\":1.5}}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.json().get("id").asString();
            assertThat(api.send("DELETE", "/api/v1/config-types/scenario/configs/" + id, null, null)
                            .status())
                    .isEqualTo(204);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> destination.of("configs/" + id).size() == 2);
            assertThat(destination.of("configs/" + id))
                    .extracting(
                            EventEnvelope::type,
                            e -> e.data().get("config_type").asString())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(org.chapkit.config.ConfigCreated.TYPE, "scenario"),
                            org.assertj.core.groups.Tuple.tuple(org.chapkit.config.ConfigDeleted.TYPE, "scenario"));
        }

        @Test
        void aConfigCreatedOverHttpIsDeliveredWithItsEnvelope() {
            HttpApi.Response created =
                    api.postJson("/api/v1/configs", "{\"name\": \"events\", \"data\": {\"prediction_periods\": 3}}");
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asString();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> destination.of("configs/" + id).size() == 1);
            EventEnvelope event = destination.of("configs/" + id).getFirst();
            assertThat(event.type()).isEqualTo(org.chapkit.config.ConfigCreated.TYPE);
            assertThat(event.specversion()).isEqualTo("1.0");
            assertThat(event.source()).startsWith("/chapkit/");
            assertThat(event.sequence()).isEqualTo(1);
            assertThat(event.data().get("config_id").asString()).isEqualTo(id);
            assertThat(event.data().get("name").asString()).isEqualTo("events");
            assertThat(event.data().get("config_type").asString()).isEqualTo("default");
            assertThat(EventEnvelope.fromJson(event.toJson())).isEqualTo(event);
            assertThat(MAPPER.readTree(event.toJson()).propertyNames())
                    .containsExactly(
                            "specversion",
                            "id",
                            "type",
                            "source",
                            "subject",
                            "time",
                            "sequence",
                            "position",
                            "datacontenttype",
                            "data");
        }

        @Test
        void aStateChangeThatRollsBackPublishesNothing() {
            long head = log.head();
            TransactionTemplate transactions = new TransactionTemplate(transactionManager);
            try {
                transactions.executeWithoutResult(status -> {
                    configs.save(
                            new ConfigIn(
                                    null, List.of(), "rolled-back", MAPPER.readTree("{\"prediction_periods\": 3}")),
                            OptionalLong.empty());
                    throw new IllegalStateException("roll back");
                });
            } catch (IllegalStateException expected) {
                // the transaction rolled back
            }
            HttpApi.Response marker =
                    api.postJson("/api/v1/configs", "{\"name\": \"marker\", \"data\": {\"prediction_periods\": 3}}");
            String markerId = marker.json().get("id").asString();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> destination.of("configs/" + markerId).size() == 1);

            assertThat(log.read(head, List.of(), null, 100))
                    .extracting(e -> e.data().get("name").asString())
                    .containsExactly("marker");
            assertThat(destination.received())
                    .noneMatch(e -> "rolled-back".equals(e.data().path("name").asString()));
        }

        @Test
        void aJobsEventsArriveOnceEachInOrder() {
            Job job = jobs.submit(TestJobHandlers.SLEEP, new Sleep(3, 10, null));
            String subject = "jobs/" + job.id();

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> destination.of(subject).stream()
                            .anyMatch(e -> e.type().equals(JobCompleted.TYPE)));

            List<EventEnvelope> events = destination.of(subject);
            assertThat(events)
                    .extracting(EventEnvelope::type)
                    .containsExactly(
                            JobSubmitted.TYPE,
                            JobStarted.TYPE,
                            "org.chapkit.job.progressed",
                            "org.chapkit.job.progressed",
                            "org.chapkit.job.progressed",
                            JobCompleted.TYPE);
            assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(events).extracting(EventEnvelope::id).doesNotHaveDuplicates();
            assertThat(events.get(1).dataAs(JobStarted.class).attempt()).isEqualTo(1);
        }

        @Test
        void aFailingDestinationIsRetriedAndItsStateIsVisible() {
            destination.failNext(2);
            HttpApi.Response created =
                    api.postJson("/api/v1/configs", "{\"name\": \"retried\", \"data\": {\"prediction_periods\": 3}}");
            String id = created.json().get("id").asString();

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> destination.of("configs/" + id).size() == 1);
            HttpApi.Response states = api.get("/api/v1/events/destinations");
            assertThat(states.status()).isEqualTo(200);
            assertThat(states.json().get(0).get("name").asString()).isEqualTo("recording");
            assertThat(states.json().get(0).get("attempts").asInt()).isZero();
        }
    }
}
