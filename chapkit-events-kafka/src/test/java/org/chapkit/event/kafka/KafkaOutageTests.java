package org.chapkit.event.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.awaitility.Awaitility;
import org.chapkit.events.test.Brokers;
import org.chapkit.events.test.EventFlow;
import org.chapkit.events.test.TcpProxy;
import org.chapkit.events.test.app.EventsTestApplication;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka broker going away in the middle of a flow. Kafka clients connect to the address the broker advertises in
 * its metadata, not to the bootstrap address, so this class runs an in-JVM KRaft broker of its own that advertises a
 * {@link TcpProxy} in front of itself: every client connection (the service's producer, the test's consumer) goes
 * through the proxy, and cutting it takes the broker away from all of them. The service's settings are those of
 * {@link KafkaEventsTests} (its topic too, on this other broker).
 */
class KafkaOutageTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<JsonNode> received = new CopyOnWriteArrayList<>();

    private static TcpProxy proxy;
    private static EmbeddedKafkaKraftBroker broker;
    private static volatile boolean consuming = true;
    private static Thread consumer;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void start() {
        // The proxy's port must be known before the broker starts (it advertises it), the broker's only after.
        proxy = new TcpProxy("127.0.0.1", Brokers.refusingPort());
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("auto.create.topics.enable", "false");
        broker.brokerProperty("advertised.listeners", "EXTERNAL://127.0.0.1:" + proxy.port());
        broker.afterPropertiesSet();
        String listening = broker.getBrokersAsString().split(",")[0];
        proxy.forwardTo(
                listening.substring(0, listening.lastIndexOf(':')),
                Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1)));
        String bootstrap = "127.0.0.1:" + proxy.port();
        service = EventsTestApplication.start(TestDatabases.freshH2(), KafkaEventsTests.properties(bootstrap));
        consumer = Thread.ofPlatform().daemon().start(() -> {
            try (KafkaConsumer<String, byte[]> records = KafkaBroker.consumer(bootstrap, KafkaEventsTests.topic())) {
                while (consuming) {
                    for (ConsumerRecord<String, byte[]> record : records.poll(Duration.ofMillis(200))) {
                        received.add(JSON.readTree(new String(record.value(), StandardCharsets.UTF_8)));
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
        if (broker != null) {
            broker.destroy();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void eventsWrittenWhileTheBrokerIsAwayArriveWhenItComesBack() {
        EventFlow flow = new EventFlow(port(service));
        EventFlow.Run before = flow.trainAndPredict();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> EventFlow.jobsCompleted(before, received));

        proxy.cut();
        EventFlow.Run run;
        try {
            run = flow.trainAndPredict();
            assertThat(EventFlow.jobsCompleted(run, received)).isFalse();
        } finally {
            proxy.restore();
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> EventFlow.jobsCompleted(run, received));
        EventFlow.assertJobsArrivedInOrder(run, received, true);
        EventFlow.assertJobsArrivedInOrder(before, received, true);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
