package org.chapkit.event.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.chapkit.event.EventEnvelope;
import org.chapkit.event.PartialDeliveryException;
import org.chapkit.events.test.Brokers;
import org.chapkit.events.test.Envelopes;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/** The destination alone against the in-JVM broker: the topic it creates, the records it writes, a broker that is not there. */
class KafkaEventDestinationTests {

    @Test
    void createsTheTopicAndWritesEachEventKeyedBySubjectWithItsIdAndTypeAsHeaders() throws Exception {
        String topic = "chapkit-events.destination-test-" + System.nanoTime();
        try (KafkaEventDestination destination = destination(KafkaBroker.bootstrapServers(), topic);
                KafkaConsumer<String, byte[]> consumer = KafkaBroker.consumer(topic)) {
            List<EventEnvelope> events = List.of(
                    Envelopes.of("org.chapkit.job.submitted", "jobs/one", 1),
                    Envelopes.of("org.chapkit.job.started", "jobs/one", 2),
                    Envelopes.of("org.chapkit.job.completed", "jobs/one", 3));
            for (EventEnvelope event : events) {
                destination.deliver(event);
            }

            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= 3;
            });
            assertThat(records).extracting(ConsumerRecord::key).containsOnly("jobs/one");
            assertThat(records)
                    .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .containsExactlyElementsOf(
                            events.stream().map(EventEnvelope::toJson).toList());
            ConsumerRecord<String, byte[]> last = records.getLast();
            assertThat(new String(last.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                    .isEqualTo(events.getLast().id());
            assertThat(new String(last.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("org.chapkit.job.completed");
            assertThat(new String(last.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("application/cloudevents+json");
        }
    }

    @Test
    void aBatchIsWrittenInOrder() throws Exception {
        String topic = "chapkit-events.batch-test-" + System.nanoTime();
        try (KafkaEventDestination destination = destination(KafkaBroker.bootstrapServers(), topic);
                KafkaConsumer<String, byte[]> consumer = KafkaBroker.consumer(topic)) {
            List<EventEnvelope> events = new ArrayList<>();
            for (int n = 1; n <= 50; n++) {
                events.add(Envelopes.of("org.chapkit.job.progressed", "jobs/batch", n));
            }
            destination.deliverAll(events);

            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= 50;
            });
            assertThat(records)
                    .extracting(r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                    .containsExactlyElementsOf(
                            events.stream().map(EventEnvelope::id).toList());
        }
    }

    @Test
    void aBatchToABrokerThatIsNotThereDeliversNothing() {
        try (KafkaEventDestination destination =
                destination("127.0.0.1:" + Brokers.refusingPort(), "chapkit-events.nowhere-batch")) {
            assertThatThrownBy(() -> destination.deliverAll(List.of(
                            Envelopes.of("org.chapkit.job.started", "jobs/five", 1),
                            Envelopes.of("org.chapkit.job.completed", "jobs/five", 2))))
                    .isInstanceOfSatisfying(
                            PartialDeliveryException.class,
                            partial -> assertThat(partial.delivered()).isZero());
        }
    }

    @Test
    void aDeliveryToABrokerThatIsNotThereFails() {
        try (KafkaEventDestination destination =
                destination("127.0.0.1:" + Brokers.refusingPort(), "chapkit-events.nowhere")) {
            assertThatThrownBy(() -> destination.deliver(Envelopes.of("org.chapkit.job.started", "jobs/two", 1)))
                    .isInstanceOf(Exception.class);
        }
    }

    private static KafkaEventDestination destination(String bootstrap, String topic) {
        Map<String, Object> producer = new HashMap<>();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        Map<String, Object> admin =
                Map.of("bootstrap.servers", bootstrap, "default.api.timeout.ms", 2000, "request.timeout.ms", 2000);
        return new KafkaEventDestination(
                new DefaultKafkaProducerFactory<>(producer),
                new KafkaAdmin(admin),
                topic,
                Optional.of(1),
                Optional.of((short) 1),
                Duration.ofSeconds(2));
    }
}
