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
import org.chapkit.events.test.app.EventsTestApplication;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inbound commands from a real RabbitMQ queue: a valid {@code $train} trains and is answered with {@code
 * org.chapkit.command.accepted}; the same message id twice runs once; a malformed or invalid command lands in the
 * dead-letter queue with the REST API's problem as its reason.
 */
class RabbitCommandsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String prefix = "chapkit-commands-test-" + System.nanoTime();
    private static final String queue = prefix + ".in";
    private static final String deadLetters = prefix + ".dlq";
    private static final String exchange = prefix + ".events";
    private static final List<JsonNode> answers = new CopyOnWriteArrayList<>();

    private static CachingConnectionFactory connections;
    private static RabbitTemplate rabbit;
    private static SimpleMessageListenerContainer consumer;
    private static ConfigurableApplicationContext service;
    private static EventFlow flow;

    @BeforeAll
    static void start() {
        Brokers.require("RabbitMQ", "127.0.0.1", 5672);
        connections = new CachingConnectionFactory("127.0.0.1", 5672);
        rabbit = new RabbitTemplate(connections);
        RabbitAdmin admin = new RabbitAdmin(connections);
        TopicExchange topic = new TopicExchange(exchange, true, false);
        admin.declareExchange(topic);
        Queue events = new Queue(prefix + ".answers", false, false, false);
        admin.declareQueue(events);
        admin.declareBinding(BindingBuilder.bind(events).to(topic).with("org.chapkit.command.*"));
        consumer = new SimpleMessageListenerContainer(connections);
        consumer.setQueueNames(events.getName());
        consumer.setMessageListener(
                message -> answers.add(JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8))));
        consumer.start();
        Map<String, Object> properties = new HashMap<>(EventsTestApplication.FAST_DELIVERY);
        properties.put("chapkit.events.rabbitmq.enabled", "true");
        properties.put("chapkit.events.rabbitmq.exchange", exchange);
        properties.put("chapkit.events.rabbitmq.commands.enabled", "true");
        properties.put("chapkit.events.rabbitmq.commands.queue", queue);
        properties.put("chapkit.events.rabbitmq.commands.dead-letter-queue", deadLetters);
        service = EventsTestApplication.start(TestDatabases.freshH2(), properties);
        flow = new EventFlow(Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port")));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (consumer != null) {
            consumer.stop();
            RabbitAdmin admin = new RabbitAdmin(connections);
            for (String name : List.of(queue, deadLetters, prefix + ".answers")) {
                admin.deleteQueue(name);
            }
            admin.deleteExchange(exchange);
            connections.destroy();
        }
    }

    @Test
    void aValidTrainCommandTrainsAndIsAnsweredWithAnEvent() {
        String body = "{\"command\":\"$train\",\"body\":" + flow.trainBody(flow.createConfig()) + "}";

        send("train-" + System.nanoTime(), body);

        JsonNode accepted = awaitAnswer(lastSentId);
        assertThat(accepted.get("type").asString()).isEqualTo("org.chapkit.command.accepted");
        assertThat(accepted.get("data").get("command").asString()).isEqualTo("$train");
        flow.awaitCompleted(accepted.get("data").get("job_id").asString());
    }

    @Test
    void aMessageDeliveredTwiceRunsOnce() {
        String body = "{\"command\":\"$train\",\"body\":" + flow.trainBody(flow.createConfig()) + "}";
        String id = "twice-" + System.nanoTime();
        List<String> before = flow.jobIds();

        send(id, body);
        send(id, body);
        String marker = "after-" + System.nanoTime();
        send(marker, body);

        awaitAnswer(marker);
        assertThat(answers)
                .filteredOn(a -> id.equals(a.get("data").path("message_id").asString(null)))
                .hasSize(1);
        List<String> after = flow.jobIds();
        after.removeAll(before);
        assertThat(after).as("jobs the three messages submitted").hasSize(2);
    }

    @Test
    void aMalformedCommandLandsInTheDeadLetterQueueWithItsReason() {
        String id = "malformed-" + System.nanoTime();

        send(id, "{\"command\":\"$train\",\"body\":{\"config_id\":");

        Message dead = rabbit.receive(deadLetters, 20_000);
        assertThat(dead).isNotNull();
        assertThat(dead.getMessageProperties().getMessageId()).isEqualTo(id);
        JsonNode reason =
                JSON.readTree(dead.getMessageProperties().<String>getHeader(RabbitCommandListener.REASON_HEADER));
        assertThat(reason.get("status").asInt()).isEqualTo(400);
        assertThat(reason.get("detail").asString()).startsWith("Malformed JSON");
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8))
                .isEqualTo("{\"command\":\"$train\",\"body\":{\"config_id\":");
    }

    @Test
    void aCommandTheRestApiWouldRefuseLandsInTheDeadLetterQueueWithTheSameProblem() {
        String id = "invalid-" + System.nanoTime();

        send(
                id,
                "{\"command\":\"$train\",\"body\":{\"config_id\":\"not-a-ulid\",\"data\":{\"columns\":[],\"data\":[]}}}");

        Message dead = rabbit.receive(deadLetters, 20_000);
        assertThat(dead).isNotNull();
        assertThat(dead.getMessageProperties().getMessageId()).isEqualTo(id);
        JsonNode reason =
                JSON.readTree(dead.getMessageProperties().<String>getHeader(RabbitCommandListener.REASON_HEADER));
        assertThat(reason.get("type").asString()).isEqualTo("urn:servicekit:error:validation-failed");
        assertThat(reason.get("errors").toString()).contains("config_id", "must be a ULID");
        JsonNode rejected = awaitAnswer(id);
        assertThat(rejected.get("type").asString()).isEqualTo("org.chapkit.command.rejected");
    }

    private static String lastSentId;

    private static void send(String id, String body) {
        lastSentId = id;
        rabbit.send(
                "",
                queue,
                MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8))
                        .setMessageId(id)
                        .setContentType("application/json")
                        .build());
    }

    private static JsonNode awaitAnswer(String messageId) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> answers.stream().anyMatch(a -> messageId.equals(messageIdOf(a))));
        return answers.stream()
                .filter(a -> messageId.equals(messageIdOf(a)))
                .findFirst()
                .orElseThrow();
    }

    private static String messageIdOf(JsonNode answer) {
        JsonNode data = answer.get("data");
        return data.has("message_id")
                ? data.get("message_id").asString()
                : data.path("reason").path("message_id").asString(null);
    }
}
