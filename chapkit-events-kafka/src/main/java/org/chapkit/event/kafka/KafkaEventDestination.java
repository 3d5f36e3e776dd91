package org.chapkit.event.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.chapkit.event.EventDestination;
import org.chapkit.event.EventEnvelope;
import org.chapkit.event.PartialDeliveryException;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Publishes each event to one topic with the event's subject ({@code jobs/01JD…}) as the record key, so the events of
 * a subject share a partition and keep their order; the value is the CloudEvents JSON, with {@code content-type},
 * {@code ce_id} and {@code ce_type} headers so a consumer can de-duplicate and filter without parsing. {@link #deliver}
 * returns when the broker acknowledged the record (the producer is idempotent with {@code acks=all}); a timeout or an
 * error throws and the outbox retries the same event before any later one. A batch ({@link #deliverAll}) is sent
 * whole before its acknowledgements are awaited, in order, so the producer can put several records in one request.
 *
 * <p>The topic is created on the first delivery when missing (partitions and replication from the properties or the
 * broker's defaults), so the service starts while the broker is down.
 */
public final class KafkaEventDestination implements EventDestination, AutoCloseable {

    /** The destination's name: it keys the delivery state in the database and tags the metrics. */
    public static final String NAME = "kafka";

    private final ProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> template;
    private final KafkaAdmin admin;
    private final String topic;
    private final Optional<Integer> partitions;
    private final Optional<Short> replicationFactor;
    private final Duration sendTimeout;
    private volatile boolean created;

    /**
     * Creates the destination.
     *
     * @param producers a producer factory of the destination's own (closed with it): idempotent, {@code acks=all},
     *     string keys and byte-array values
     * @param admin creates the topic, or {@code null} to leave topics to the broker's administrators
     * @param topic the topic events go to
     * @param partitions the new topic's partitions, or empty for the broker's default
     * @param replicationFactor the new topic's replication factor, or empty for the broker's default
     * @param sendTimeout how long one event waits for the broker's acknowledgement
     */
    public KafkaEventDestination(
            ProducerFactory<String, byte[]> producers,
            KafkaAdmin admin,
            String topic,
            Optional<Integer> partitions,
            Optional<Short> replicationFactor,
            Duration sendTimeout) {
        this.producers = Objects.requireNonNull(producers, "producers");
        this.admin = admin;
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partitions = Objects.requireNonNull(partitions, "partitions");
        this.replicationFactor = Objects.requireNonNull(replicationFactor, "replicationFactor");
        this.sendTimeout = Objects.requireNonNull(sendTimeout, "sendTimeout");
        this.template = new KafkaTemplate<>(producers);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The topic events go to.
     *
     * @return its name
     */
    public String topic() {
        return topic;
    }

    @Override
    public void deliver(EventEnvelope event) throws ExecutionException, InterruptedException, TimeoutException {
        if (admin != null && !created) {
            createTopic();
        }
        template.send(record(event)).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Sends every event, then awaits their acknowledgements in order (each within the send timeout). The first event
     * not acknowledged ends the delivered prefix; a later one the broker did take is sent again with the retry (a
     * duplicate, which consumers drop by {@code ce_id}). The producer is idempotent, so the records of one subject (one
     * partition) are written in the order they were sent.
     */
    @Override
    public void deliverAll(List<EventEnvelope> events) throws PartialDeliveryException {
        if (admin != null && !created) {
            try {
                createTopic();
            } catch (ExecutionException | TimeoutException | RuntimeException ex) {
                throw new PartialDeliveryException(0, ex);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new PartialDeliveryException(0, ex);
            }
        }
        List<CompletableFuture<?>> sent = new ArrayList<>(events.size());
        RuntimeException notSent = null;
        for (EventEnvelope event : events) {
            try {
                sent.add(template.send(record(event)));
            } catch (RuntimeException ex) {
                notSent = ex; // the producer refused it at once (closed, serialization): nothing after it is sent
                break;
            }
        }
        PartialDeliveryException.awaitInOrder(sent, sendTimeout);
        if (notSent != null) {
            throw new PartialDeliveryException(sent.size(), notSent);
        }
    }

    private ProducerRecord<String, byte[]> record(EventEnvelope event) {
        return new ProducerRecord<>(
                topic,
                null,
                event.time().toEpochMilli(),
                event.subject(),
                event.toJson().getBytes(StandardCharsets.UTF_8),
                List.of(
                        new RecordHeader("content-type", bytes(EventEnvelope.MEDIA_TYPE)),
                        new RecordHeader("ce_id", bytes(event.id())),
                        new RecordHeader("ce_type", bytes(event.type()))));
    }

    private void createTopic() throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            client.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor)))
                    .all()
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException ex) {
            if (!(ex.getCause() instanceof TopicExistsException)) {
                throw ex;
            }
        }
        created = true;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        template.destroy();
        if (producers instanceof org.springframework.beans.factory.DisposableBean disposable) {
            try {
                disposable.destroy();
            } catch (Exception ex) {
                throw new IllegalStateException("Closing the Kafka producer failed", ex);
            }
        }
    }
}
