package org.chapkit.event.nats;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.chapkit.event.EventDestination;
import org.chapkit.event.EventEnvelope;
import org.chapkit.event.PartialDeliveryException;

/**
 * Publishes each event to JetStream on the subject {@code <prefix>.<type>} (e.g. {@code
 * chapkit-events.org.chapkit.job.completed}) with the event id as {@code Nats-Msg-Id}, so JetStream drops a retried event
 * it already stored (within the stream's duplicate window), and the CloudEvents JSON as the body. {@link #deliver}
 * returns when JetStream acknowledged the message ({@link PublishAck}); a timeout or an error throws and the outbox
 * retries the same event before any later one. A batch ({@link #deliverAll}) is published asynchronously as a whole,
 * then its acknowledgements are awaited in order. The stream ({@code <prefix>.>}, file storage) is created when missing.
 *
 * <p>The connection is opened on the first delivery and kept (the client reconnects by itself); until the server is
 * reachable, deliveries fail and are retried, so the service starts while NATS is down.
 */
public final class NatsEventDestination implements EventDestination, AutoCloseable {

    /** The destination's name: it keys the delivery state in the database and tags the metrics. */
    public static final String NAME = "nats";

    private final Options options;
    private final String stream;
    private final String subjectPrefix;
    private final Duration duplicateWindow;
    private final Duration publishTimeout;
    private Connection connection;
    private JetStream jetStream;

    /**
     * Creates the destination; it connects on the first delivery.
     *
     * @param options the client options (servers, credentials, reconnects)
     * @param stream the JetStream stream's name
     * @param subjectPrefix the subjects' prefix; the stream covers {@code <prefix>.>}
     * @param duplicateWindow how long JetStream remembers message ids, for a stream chapkit creates
     * @param publishTimeout how long one event waits for JetStream's acknowledgement
     */
    public NatsEventDestination(
            Options options, String stream, String subjectPrefix, Duration duplicateWindow, Duration publishTimeout) {
        this.options = Objects.requireNonNull(options, "options");
        this.stream = Objects.requireNonNull(stream, "stream");
        this.subjectPrefix = Objects.requireNonNull(subjectPrefix, "subjectPrefix");
        this.duplicateWindow = Objects.requireNonNull(duplicateWindow, "duplicateWindow");
        this.publishTimeout = Objects.requireNonNull(publishTimeout, "publishTimeout");
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The subject an event is published on.
     *
     * @param type the event type
     * @return {@code <prefix>.<type>}
     */
    public String subject(String type) {
        return subjectPrefix + "." + type;
    }

    @Override
    public void deliver(EventEnvelope event) throws IOException, InterruptedException, JetStreamApiException {
        jetStream().publish(subject(event.type()), headers(), body(event), publishOptions(event));
    }

    /**
     * Publishes every event without waiting, then awaits JetStream's acknowledgements in order (each within the
     * publish timeout). The first one missing ends the delivered prefix; a later one JetStream did store is published
     * again with the retry and dropped by JetStream as a duplicate of its {@code Nats-Msg-Id}.
     */
    @Override
    public void deliverAll(List<EventEnvelope> events) throws PartialDeliveryException {
        List<CompletableFuture<PublishAck>> sent = new ArrayList<>(events.size());
        try {
            JetStream js = jetStream();
            for (EventEnvelope event : events) {
                sent.add(js.publishAsync(subject(event.type()), headers(), body(event), publishOptions(event)));
            }
        } catch (IOException | JetStreamApiException | RuntimeException ex) {
            PartialDeliveryException.awaitInOrder(sent, publishTimeout);
            throw new PartialDeliveryException(sent.size(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new PartialDeliveryException(0, ex);
        }
        PartialDeliveryException.awaitInOrder(sent, publishTimeout);
    }

    /** A message's headers (the client adds {@code Nats-Msg-Id} to them, so each message has its own). */
    private static Headers headers() {
        return new Headers().add("Content-Type", EventEnvelope.MEDIA_TYPE);
    }

    private PublishOptions publishOptions(EventEnvelope event) {
        return PublishOptions.builder()
                .messageId(event.id())
                .expectedStream(stream)
                .build();
    }

    private static byte[] body(EventEnvelope event) {
        return event.toJson().getBytes(StandardCharsets.UTF_8);
    }

    private synchronized JetStream jetStream() throws IOException, InterruptedException, JetStreamApiException {
        if (jetStream == null) {
            Connection opened = Nats.connect(options);
            try {
                JetStreamOptions jetStreamOptions = JetStreamOptions.builder()
                        .requestTimeout(publishTimeout)
                        .build();
                createStreamIfMissing(opened.jetStreamManagement(jetStreamOptions));
                jetStream = opened.jetStream(jetStreamOptions);
                connection = opened;
            } catch (IOException | JetStreamApiException | RuntimeException ex) {
                opened.close();
                throw ex;
            }
        }
        return jetStream;
    }

    private void createStreamIfMissing(JetStreamManagement management) throws IOException, JetStreamApiException {
        try {
            management.getStreamInfo(stream);
        } catch (JetStreamApiException ex) {
            if (ex.getErrorCode() != 404) {
                throw ex;
            }
            management.addStream(StreamConfiguration.builder()
                    .name(stream)
                    .subjects(subjectPrefix + ".>")
                    .storageType(StorageType.File)
                    .duplicateWindow(duplicateWindow)
                    .build());
        }
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (connection != null) {
            connection.close();
            connection = null;
            jetStream = null;
        }
    }
}
