package org.chapkit.event.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.StreamInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chapkit.event.EventEnvelope;
import org.chapkit.event.PartialDeliveryException;
import org.chapkit.events.test.Brokers;
import org.chapkit.events.test.Envelopes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The destination alone against the real NATS with JetStream on 4222: the stream it creates, de-duplication, a server that is not there. */
class NatsEventDestinationTests {

    private static final String STREAM = "CHAPKIT_DESTINATION_TEST_" + System.nanoTime();
    private static final String PREFIX = "chapkit-test-" + System.nanoTime();
    private static Connection nats;

    @BeforeAll
    static void connect() throws Exception {
        Brokers.require("NATS", "127.0.0.1", 4222);
        nats = Nats.connect("nats://127.0.0.1:4222");
    }

    @AfterAll
    static void close() throws Exception {
        if (nats != null) {
            try {
                nats.jetStreamManagement().deleteStream(STREAM);
            } finally {
                nats.close();
            }
        }
    }

    @Test
    void createsTheStreamAndStoresEachEventOnceEvenWhenItIsDeliveredAgain() throws Exception {
        try (NatsEventDestination destination = destination("nats://127.0.0.1:4222")) {
            EventEnvelope submitted = Envelopes.of("org.chapkit.job.submitted", "jobs/one", 1);
            EventEnvelope completed = Envelopes.of("org.chapkit.job.completed", "jobs/one", 2);

            destination.deliver(submitted);
            destination.deliver(submitted);
            destination.deliver(completed);

            StreamInfo stream = nats.jetStreamManagement().getStreamInfo(STREAM);
            assertThat(stream.getStreamState().getMsgCount()).isEqualTo(2);
            JetStreamSubscription subscription = nats.jetStream()
                    .subscribe(
                            PREFIX + ".>",
                            PullSubscribeOptions.builder().stream(STREAM).build());
            List<Message> messages = subscription.fetch(2, Duration.ofSeconds(5));
            assertThat(messages)
                    .extracting(Message::getSubject)
                    .containsExactly(PREFIX + ".org.chapkit.job.submitted", PREFIX + ".org.chapkit.job.completed");
            assertThat(new String(messages.getFirst().getData(), StandardCharsets.UTF_8))
                    .isEqualTo(submitted.toJson());
            assertThat(messages.getFirst().getHeaders().getFirst("Nats-Msg-Id")).isEqualTo(submitted.id());
            assertThat(messages.getFirst().getHeaders().getFirst("Content-Type"))
                    .isEqualTo("application/cloudevents+json");
            subscription.unsubscribe();
        }
    }

    @Test
    void aBatchIsStoredInOrderAndOnceWhenItsTailIsDeliveredAgain() throws Exception {
        try (NatsEventDestination destination = destination("nats://127.0.0.1:4222")) {
            List<EventEnvelope> events = new ArrayList<>();
            for (int n = 1; n <= 20; n++) {
                events.add(Envelopes.of("org.chapkit.job.progressed", "jobs/batch", n));
            }

            destination.deliverAll(events.subList(0, 1)); // the stream exists from here on
            long before = messagesInTheStream();
            destination.deliverAll(events);
            destination.deliverAll(events.subList(10, 20)); // the retry of a batch whose acknowledgements were lost

            assertThat(messagesInTheStream())
                    .as("the first event once, the 19 others once each")
                    .isEqualTo(before + 19);
            JetStreamSubscription subscription = nats.jetStream()
                    .subscribe(
                            PREFIX + ".org.chapkit.job.progressed",
                            PullSubscribeOptions.builder().stream(STREAM).build());
            List<Message> messages = new ArrayList<>();
            while (messages.size() < 20) {
                List<Message> fetched = subscription.fetch(20 - messages.size(), Duration.ofSeconds(5));
                assertThat(fetched).as("messages left in the stream").isNotEmpty();
                messages.addAll(fetched);
            }
            assertThat(messages)
                    .extracting(message -> message.getHeaders().getFirst("Nats-Msg-Id"))
                    .containsExactlyElementsOf(
                            events.stream().map(EventEnvelope::id).toList());
            subscription.unsubscribe();
        }
    }

    @Test
    void aBatchToAServerThatIsNotThereDeliversNothing() throws Exception {
        try (NatsEventDestination destination = destination("nats://127.0.0.1:" + Brokers.refusingPort())) {
            assertThatThrownBy(() ->
                            destination.deliverAll(List.of(Envelopes.of("org.chapkit.job.started", "jobs/six", 1))))
                    .isInstanceOfSatisfying(
                            PartialDeliveryException.class,
                            partial -> assertThat(partial.delivered()).isZero());
        }
    }

    @Test
    void aDeliveryToAServerThatIsNotThereFails() throws Exception {
        try (NatsEventDestination destination = destination("nats://127.0.0.1:" + Brokers.refusingPort())) {
            assertThatThrownBy(() -> destination.deliver(Envelopes.of("org.chapkit.job.started", "jobs/two", 1)))
                    .isInstanceOf(Exception.class);
        }
    }

    private static long messagesInTheStream() throws Exception {
        return nats.jetStreamManagement().getStreamInfo(STREAM).getStreamState().getMsgCount();
    }

    private static NatsEventDestination destination(String server) {
        Options options = Options.builder()
                .server(server)
                .connectionTimeout(Duration.ofSeconds(2))
                .build();
        return new NatsEventDestination(options, STREAM, PREFIX, Duration.ofMinutes(2), Duration.ofSeconds(3));
    }
}
