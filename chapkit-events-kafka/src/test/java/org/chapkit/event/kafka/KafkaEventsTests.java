package org.chapkit.event.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.awaitility.Awaitility;
import org.chapkit.events.test.Brokers;
import org.chapkit.events.test.EventFlow;
import org.chapkit.events.test.KilledService;
import org.chapkit.events.test.app.EventsTestApplication;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka destination on the real outbox against the in-JVM KRaft broker: a flow's events arrive once each, keyed
 * by subject, in order per job; events a service wrote while its broker was unreachable — and which it never
 * delivered before it stopped — arrive when a new instance on the same database starts with the broker reachable.
 * (The in-JVM broker cannot be taken away and given back mid-flow, as the proxy does for the other brokers: its
 * clients learn the broker's own address from the metadata, past any proxy. The down-then-restart case covers both
 * the outage and the stop between commit and delivery.)
 */
class KafkaEventsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String topic = "chapkit-events.flow-test-" + System.nanoTime();
    private static final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private static final List<String> keys = new CopyOnWriteArrayList<>();

    private static volatile boolean consuming = true;
    private static Thread consumer;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void start() {
        String bootstrap = KafkaBroker.bootstrapServers();
        service = EventsTestApplication.start(TestDatabases.freshH2(), properties(bootstrap));
        consumer = Thread.ofPlatform().daemon().start(() -> {
            try (KafkaConsumer<String, byte[]> records = KafkaBroker.consumer(topic)) {
                while (consuming) {
                    for (ConsumerRecord<String, byte[]> record : records.poll(Duration.ofMillis(200))) {
                        JsonNode event = JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
                        keys.add(record.key() + " " + event.get("subject").asString());
                        received.add(event);
                    }
                }
            }
        });
    }

    @AfterAll
    static void stop() throws InterruptedException {
        consuming = false;
        if (consumer != null) {
            consumer.join();
        }
        if (service != null) {
            service.close();
        }
    }

    static String topic() {
        return topic;
    }

    static Map<String, Object> properties(String bootstrap) {
        Map<String, Object> properties = new HashMap<>(EventsTestApplication.FAST_DELIVERY);
        properties.put("spring.kafka.bootstrap-servers", bootstrap);
        properties.put("chapkit.events.kafka.enabled", "true");
        properties.put("chapkit.events.kafka.topic", topic);
        properties.put("chapkit.events.kafka.partitions", "3");
        properties.put("chapkit.events.kafka.replication-factor", "1");
        properties.put("chapkit.events.kafka.send-timeout", "3s");
        return properties;
    }

    @Test
    void theEventsOfATrainAndPredictFlowArriveOnceEachKeyedBySubjectInOrderPerJob() {
        EventFlow.Run run = new EventFlow(port(service)).trainAndPredict();

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> EventFlow.jobsCompleted(run, received));
        EventFlow.assertJobsArrivedInOrder(run, received, false);
        assertThat(keys).allSatisfy(pair -> assertThat(pair.split(" ")[0]).isEqualTo(pair.split(" ")[1]));
    }

    @Test
    void eventsAServiceCouldNotDeliverBeforeItStoppedArriveWhenItsSuccessorReachesTheBroker() {
        String database = TestDatabases.freshH2();
        EventFlow.Run run;
        try (ConfigurableApplicationContext down =
                EventsTestApplication.start(database, properties("127.0.0.1:" + Brokers.refusingPort()))) {
            run = new EventFlow(port(down)).trainAndPredict();
        }
        assertThat(EventFlow.jobsCompleted(run, received)).isFalse();

        try (ConfigurableApplicationContext restarted =
                EventsTestApplication.start(database, properties(KafkaBroker.bootstrapServers()))) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> EventFlow.jobsCompleted(run, received));
        }
        EventFlow.assertJobsArrivedInOrder(run, received, false);
    }

    @Test
    void eventsCommittedBeforeTheServiceWasKilledArriveAfterARestartOnPostgres() throws Exception {
        KilledService.eventsCommittedBeforeAKillArriveAfterTheRestart(
                properties("127.0.0.1:" + Brokers.refusingPort()),
                properties(KafkaBroker.bootstrapServers()),
                () -> received);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
