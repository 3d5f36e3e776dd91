package org.chapkit.event.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The RabbitMQ destination against the real broker on 127.0.0.1:5672 (guest/guest): the service reaches it through a
 * {@link TcpProxy} the tests cut and restore, and a consumer bound to the exchange with {@code #} collects what
 * arrives. One service for the class; the restart case runs two more on a database of its own.
 */
class RabbitEventsTests {

    private static final String HOST = "127.0.0.1";
    private static final int PORT = 5672;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private static final List<String> messageIds = new CopyOnWriteArrayList<>();
    private static final String exchange = "chapkit-events.test-" + System.nanoTime();

    private static TcpProxy proxy;
    private static CachingConnectionFactory consumerConnections;
    private static SimpleMessageListenerContainer consumer;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void startBrokerConsumerAndService() {
        Brokers.require("RabbitMQ", HOST, PORT);
        proxy = new TcpProxy(HOST, PORT);
        consumerConnections = new CachingConnectionFactory(HOST, PORT);
        RabbitAdmin admin = new RabbitAdmin(consumerConnections);
        TopicExchange topic = new TopicExchange(exchange, true, false);
        admin.declareExchange(topic);
        Queue queue = new Queue(exchange + ".queue", false, false, false);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(topic).with("#"));
        consumer = new SimpleMessageListenerContainer(consumerConnections);
        consumer.setQueueNames(queue.getName());
        consumer.setMessageListener(message -> {
            JsonNode event = JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
            assertThat(message.getMessageProperties().getReceivedRoutingKey())
                    .isEqualTo(event.get("type").asString());
            messageIds.add(message.getMessageProperties().getMessageId());
            received.add(event);
        });
        consumer.start();
        service = EventsTestApplication.start(TestDatabases.freshH2(), properties(proxy.port()));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (consumer != null) {
            consumer.stop();
            new RabbitAdmin(consumerConnections).deleteQueue(exchange + ".queue");
            new RabbitAdmin(consumerConnections).deleteExchange(exchange);
            consumerConnections.destroy();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    static Map<String, Object> properties(int port) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.rabbitmq.host", HOST);
        properties.put("spring.rabbitmq.port", port);
        properties.put("spring.rabbitmq.connection-timeout", "2s");
        properties.put("chapkit.events.rabbitmq.enabled", "true");
        properties.put("chapkit.events.rabbitmq.exchange", exchange);
        properties.put("chapkit.events.rabbitmq.confirm-timeout", "3s");
        properties.putAll(EventsTestApplication.FAST_DELIVERY);
        return properties;
    }

    @Test
    void theEventsOfATrainAndPredictFlowArriveOnceEachInOrderPerJob() {
        EventFlow.Run run = new EventFlow(port(service)).trainAndPredict();

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> EventFlow.jobsCompleted(run, received));
        EventFlow.assertJobsArrivedInOrder(run, received, false);
        assertThat(received)
                .filteredOn(e -> run.jobSubjects().contains(e.get("subject").asString()))
                .allSatisfy(e -> assertThat(messageIds).contains(e.get("id").asString()));
    }

    @Test
    void eventsWrittenWhileTheBrokerIsAwayArriveWhenItComesBack() {
        proxy.cut();
        EventFlow.Run run;
        try {
            run = new EventFlow(port(service)).trainAndPredict();
            assertThat(EventFlow.jobsCompleted(run, received)).isFalse();
        } finally {
            proxy.restore();
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> EventFlow.jobsCompleted(run, received));
        EventFlow.assertJobsArrivedInOrder(run, received, true);
    }

    @Test
    void eventsAStoppedServiceLeftUndeliveredArriveAfterItRestarts() {
        String database = TestDatabases.freshH2();
        EventFlow.Run run;
        try (ConfigurableApplicationContext down =
                EventsTestApplication.start(database, properties(Brokers.refusingPort()))) {
            run = new EventFlow(port(down)).trainAndPredict();
        }
        assertThat(EventFlow.jobsCompleted(run, received)).isFalse();

        try (ConfigurableApplicationContext restarted =
                EventsTestApplication.start(database, properties(proxy.port()))) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> EventFlow.jobsCompleted(run, received));
        }
        EventFlow.assertJobsArrivedInOrder(run, received, false);
    }

    @Test
    void eventsCommittedBeforeTheServiceWasKilledArriveAfterARestartOnPostgres() throws Exception {
        KilledService.eventsCommittedBeforeAKillArriveAfterTheRestart(
                properties(Brokers.refusingPort()), properties(proxy.port()), () -> received);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
