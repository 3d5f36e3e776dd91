package org.chapkit.event.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.chapkit.events.test.EventFlow;
import org.chapkit.events.test.app.EventsTestApplication;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inbound commands from a Kafka topic on the in-JVM broker: a valid {@code $train} trains and is answered with {@code
 * org.chapkit.command.accepted} on the event topic; the same message id twice runs once; a malformed command lands in the
 * dead-letter topic with the REST API's problem as its reason.
 */
class KafkaCommandsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String prefix = "chapkit-commands-test-" + System.nanoTime();
    private static final String commands = prefix + ".in";
    private static final String deadLetters = prefix + ".dlt";
    private static final String events = prefix + ".events";
    private static final List<JsonNode> answers = new CopyOnWriteArrayList<>();
    private static final List<ConsumerRecord<String, byte[]>> dead = new CopyOnWriteArrayList<>();

    private static volatile boolean consuming = true;
    private static final List<Thread> consumers = new ArrayList<>();
    private static KafkaProducer<String, byte[]> producer;
    private static ConfigurableApplicationContext service;
    private static EventFlow flow;

    @BeforeAll
    static void start() throws Exception {
        String bootstrap = KafkaBroker.bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(commands, 1, (short) 1), new NewTopic(deadLetters, 1, (short) 1)))
                    .all()
                    .get();
        }
        producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new ByteArraySerializer());
        consumers.add(consume(
                events, record -> answers.add(JSON.readTree(new String(record.value(), StandardCharsets.UTF_8)))));
        consumers.add(consume(deadLetters, dead::add));
        Map<String, Object> properties = new HashMap<>(EventsTestApplication.FAST_DELIVERY);
        properties.put("spring.kafka.bootstrap-servers", bootstrap);
        properties.put("chapkit.events.kafka.enabled", "true");
        properties.put("chapkit.events.kafka.topic", events);
        properties.put("chapkit.events.kafka.replication-factor", "1");
        properties.put("chapkit.events.kafka.commands.enabled", "true");
        properties.put("chapkit.events.kafka.commands.topic", commands);
        properties.put("chapkit.events.kafka.commands.dead-letter-topic", deadLetters);
        service = EventsTestApplication.start(TestDatabases.freshH2(), properties);
        flow = new EventFlow(Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port")));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        consuming = false;
        for (Thread consumer : consumers) {
            consumer.join();
        }
        if (service != null) {
            service.close();
        }
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void aValidTrainCommandTrainsAndIsAnsweredWithAnEvent() throws Exception {
        String id = "train-" + System.nanoTime();

        send(id, "{\"command\":\"$train\",\"body\":" + flow.trainBody(flow.createConfig()) + "}");

        JsonNode accepted = awaitAnswer(id);
        assertThat(accepted.get("type").asString()).isEqualTo("org.chapkit.command.accepted");
        flow.awaitCompleted(accepted.get("data").get("job_id").asString());
    }

    @Test
    void aMessageDeliveredTwiceRunsOnce() throws Exception {
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
    void aMalformedCommandLandsInTheDeadLetterTopicWithItsReason() throws Exception {
        String id = "malformed-" + System.nanoTime();

        send(id, "{\"command\":\"$predict\",\"body\":[1,");

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> dead.stream().anyMatch(r -> id.equals(header(r, "message_id"))));
        ConsumerRecord<String, byte[]> record = dead.stream()
                .filter(r -> id.equals(header(r, "message_id")))
                .findFirst()
                .orElseThrow();
        JsonNode reason = JSON.readTree(header(record, KafkaCommandListener.REASON_HEADER));
        assertThat(reason.get("status").asInt()).isEqualTo(400);
        assertThat(reason.get("detail").asString()).startsWith("Malformed JSON");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"command\":\"$predict\",\"body\":[1,");
    }

    private static void send(String id, String body) throws Exception {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(commands, null, id, body.getBytes(StandardCharsets.UTF_8));
        record.headers().add(new RecordHeader("message_id", id.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get();
    }

    private static JsonNode awaitAnswer(String messageId) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> answers.stream()
                        .anyMatch(a -> messageId.equals(
                                a.get("data").path("message_id").asString(null))));
        return answers.stream()
                .filter(a -> messageId.equals(a.get("data").path("message_id").asString(null)))
                .findFirst()
                .orElseThrow();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Thread consume(String topic, java.util.function.Consumer<ConsumerRecord<String, byte[]>> sink) {
        return Thread.ofPlatform().daemon().start(() -> {
            try (KafkaConsumer<String, byte[]> records = KafkaBroker.consumer(topic)) {
                while (consuming) {
                    records.poll(Duration.ofMillis(200)).forEach(sink);
                }
            }
        });
    }
}
