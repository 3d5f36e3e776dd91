package org.chapkit.event.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.chapkit.events.test.Brokers;
import org.chapkit.events.test.EventFlow;
import org.chapkit.events.test.KilledService;
import org.chapkit.events.test.TcpProxy;
import org.chapkit.events.test.app.EventsTestApplication;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The NATS JetStream destination on the real outbox against the real NATS on 4222, reached through a {@link TcpProxy}
 * the tests cut and restore; what JetStream stored is read back from the stream's start. JetStream drops a retried
 * event by its {@code Nats-Msg-Id}, so even after an outage every event is stored once.
 */
class NatsEventsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STREAM = "CHAPKIT_FLOW_TEST_" + System.nanoTime();
    private static final String PREFIX = "chapkit-flow-test-" + System.nanoTime();

    private static TcpProxy proxy;
    private static Connection nats;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void start() throws Exception {
        Brokers.require("NATS", "127.0.0.1", 4222);
        proxy = new TcpProxy("127.0.0.1", 4222);
        nats = Nats.connect("nats://127.0.0.1:4222");
        nats.jetStreamManagement()
                .addStream(StreamConfiguration.builder()
                        .name(STREAM)
                        .subjects(PREFIX + ".>")
                        .storageType(StorageType.Memory)
                        .build());
        service = EventsTestApplication.start(TestDatabases.freshH2(), properties(proxy.port()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (nats != null) {
            nats.jetStreamManagement().deleteStream(STREAM);
            nats.close();
            proxy.close();
        }
    }

    static Map<String, Object> properties(int port) {
        Map<String, Object> properties = new HashMap<>(EventsTestApplication.FAST_DELIVERY);
        properties.put("chapkit.events.nats.enabled", "true");
        properties.put("chapkit.events.nats.servers", "nats://127.0.0.1:" + port);
        properties.put("chapkit.events.nats.stream", STREAM);
        properties.put("chapkit.events.nats.subject-prefix", PREFIX);
        properties.put("chapkit.events.nats.connection-timeout", "1s");
        properties.put("chapkit.events.nats.publish-timeout", "2s");
        return properties;
    }

    private static List<JsonNode> received() throws Exception {
        List<JsonNode> events = new ArrayList<>();
        JetStreamSubscription subscription = nats.jetStream()
                .subscribe(
                        PREFIX + ".>",
                        PullSubscribeOptions.builder().stream(STREAM).build());
        try {
            List<Message> batch;
            do {
                batch = subscription.fetch(500, Duration.ofMillis(300));
                for (Message message : batch) {
                    JsonNode event = JSON.readTree(new String(message.getData(), StandardCharsets.UTF_8));
                    assertThat(message.getHeaders().getFirst("Nats-Msg-Id"))
                            .isEqualTo(event.get("id").asString());
                    events.add(event);
                    message.ack();
                }
            } while (!batch.isEmpty());
        } finally {
            subscription.unsubscribe();
        }
        return events;
    }

    @Test
    void theEventsOfATrainAndPredictFlowArriveOnceEachInOrderPerJob() throws Exception {
        EventFlow.Run run = new EventFlow(port(service)).trainAndPredict();

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> EventFlow.jobsCompleted(run, received()));
        EventFlow.assertJobsArrivedInOrder(run, received(), false);
    }

    @Test
    void eventsWrittenWhileNatsIsAwayArriveOnceEachWhenItComesBack() throws Exception {
        proxy.cut();
        EventFlow.Run run;
        try {
            run = new EventFlow(port(service)).trainAndPredict();
            assertThat(EventFlow.jobsCompleted(run, received())).isFalse();
        } finally {
            proxy.restore();
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> EventFlow.jobsCompleted(run, received()));
        EventFlow.assertJobsArrivedInOrder(run, received(), false);
    }

    @Test
    void eventsAStoppedServiceLeftUndeliveredArriveAfterItRestarts() throws Exception {
        String database = TestDatabases.freshH2();
        EventFlow.Run run;
        try (ConfigurableApplicationContext down =
                EventsTestApplication.start(database, properties(Brokers.refusingPort()))) {
            run = new EventFlow(port(down)).trainAndPredict();
        }
        assertThat(EventFlow.jobsCompleted(run, received())).isFalse();

        try (ConfigurableApplicationContext restarted =
                EventsTestApplication.start(database, properties(proxy.port()))) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> EventFlow.jobsCompleted(run, received()));
        }
        EventFlow.assertJobsArrivedInOrder(run, received(), false);
    }

    @Test
    void eventsCommittedBeforeTheServiceWasKilledArriveAfterARestartOnPostgres() throws Exception {
        KilledService.eventsCommittedBeforeAKillArriveAfterTheRestart(
                properties(Brokers.refusingPort()), properties(proxy.port()), NatsEventsTests::received);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
