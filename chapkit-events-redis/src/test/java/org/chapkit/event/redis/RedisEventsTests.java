package org.chapkit.event.redis;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Redis Streams destination on the real outbox against the real Redis on 6379, reached through a {@link
 * TcpProxy} the tests cut and restore; the stream is read from its start with {@code XRANGE}.
 */
class RedisEventsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String stream = "chapkit:events:flow-test-" + System.nanoTime();

    private static TcpProxy proxy;
    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void start() {
        Brokers.require("Redis", "127.0.0.1", 6379);
        proxy = new TcpProxy("127.0.0.1", 6379);
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
        service = EventsTestApplication.start(TestDatabases.freshH2(), properties(proxy.port()));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (connections != null) {
            redis.delete(stream);
            connections.destroy();
            proxy.close();
        }
    }

    static Map<String, Object> properties(int port) {
        Map<String, Object> properties = new HashMap<>(EventsTestApplication.FAST_DELIVERY);
        properties.put("spring.data.redis.host", "127.0.0.1");
        properties.put("spring.data.redis.port", port);
        properties.put("spring.data.redis.timeout", "1s");
        properties.put("spring.data.redis.connect-timeout", "1s");
        properties.put("chapkit.events.redis.enabled", "true");
        properties.put("chapkit.events.redis.stream", stream);
        return properties;
    }

    private static List<JsonNode> received() {
        List<JsonNode> events = new ArrayList<>();
        for (MapRecord<String, Object, Object> entry : redis.opsForStream().read(StreamOffset.fromStart(stream))) {
            JsonNode event = JSON.readTree(String.valueOf(entry.getValue().get("event")));
            assertThat(entry.getValue().get("id")).isEqualTo(event.get("id").asString());
            events.add(event);
        }
        return events;
    }

    @Test
    void theEventsOfATrainAndPredictFlowArriveOnceEachInOrderPerJob() {
        EventFlow.Run run = new EventFlow(port(service)).trainAndPredict();

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> EventFlow.jobsCompleted(run, received()));
        EventFlow.assertJobsArrivedInOrder(run, received(), false);
    }

    @Test
    void eventsWrittenWhileRedisIsAwayArriveWhenItComesBack() {
        proxy.cut();
        EventFlow.Run run;
        try {
            run = new EventFlow(port(service)).trainAndPredict();
            assertThat(EventFlow.jobsCompleted(run, received())).isFalse();
        } finally {
            proxy.restore();
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> EventFlow.jobsCompleted(run, received()));
        EventFlow.assertJobsArrivedInOrder(run, received(), true);
    }

    @Test
    void eventsAStoppedServiceLeftUndeliveredArriveAfterItRestarts() {
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
                properties(Brokers.refusingPort()), properties(proxy.port()), RedisEventsTests::received);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
