package org.chapkit.event.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.chapkit.ml.command.CommandGateway;
import org.chapkit.ml.command.CommandOutcome;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes inbound commands from a topic: each record goes to the {@link CommandGateway} under its {@code message_id}
 * header; a rejected one is written, with its key, value and headers, to the dead-letter topic with its reason as the
 * {@code x-chapkit-reason} header (the problem JSON), and only then is its offset committed. A failure of chapkit
 * itself (the database away) throws: the record is retried, not skipped.
 */
public final class KafkaCommandListener implements MessageListener<String, byte[]> {

    /** The header holding a record's message id. */
    public static final String MESSAGE_ID_HEADER = "message_id";

    /** The header holding a dead-lettered record's reason. */
    public static final String REASON_HEADER = "x-chapkit-reason";

    private final CommandGateway gateway;
    private final String channelName;
    private final String deadLetterTopic;
    private final KafkaTemplate<String, byte[]> deadLetters;
    private final Duration sendTimeout;
    private final JsonMapper json;

    /**
     * Creates the listener.
     *
     * @param gateway runs the commands
     * @param topic the topic the records come from (names the channel: {@code kafka:<topic>})
     * @param deadLetterTopic where rejected records go
     * @param deadLetters writes to the dead-letter topic
     * @param sendTimeout how long a dead-letter write may take
     * @param json writes the reasons
     */
    public KafkaCommandListener(
            CommandGateway gateway,
            String topic,
            String deadLetterTopic,
            KafkaTemplate<String, byte[]> deadLetters,
            Duration sendTimeout,
            JsonMapper json) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.channelName = "kafka:" + Objects.requireNonNull(topic, "topic");
        this.deadLetterTopic = Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.sendTimeout = Objects.requireNonNull(sendTimeout, "sendTimeout");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        Header id = record.headers().lastHeader(MESSAGE_ID_HEADER);
        String messageId = id == null ? null : new String(id.value(), StandardCharsets.UTF_8);
        CommandOutcome outcome = gateway.handle(channelName, messageId, record.value());
        if (outcome instanceof CommandOutcome.Rejected rejected) {
            ProducerRecord<String, byte[]> dead =
                    new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value(), record.headers());
            dead.headers()
                    .add(new RecordHeader(
                            REASON_HEADER,
                            json.writeValueAsString(rejected.reason()).getBytes(StandardCharsets.UTF_8)));
            try {
                deadLetters.send(dead).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while dead-lettering " + messageId, ex);
            } catch (Exception ex) {
                throw new IllegalStateException(
                        "Could not dead-letter command " + messageId + " to " + deadLetterTopic, ex);
            }
        }
    }
}
