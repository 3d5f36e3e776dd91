package org.chapkit.webhook.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.chapkit.event.DeliveryPolicy;
import org.chapkit.event.EventDestination;
import org.chapkit.event.EventDestinations;
import org.chapkit.event.EventEnvelope;
import org.chapkit.webhook.WebhookEndpoint;
import org.chapkit.webhook.WebhookRejectedException;
import org.chapkit.webhook.WebhookSettings;
import org.chapkit.webhook.WebhookSignature;

/**
 * The enabled webhook endpoints as event destinations, read from the database at most once a second (and at once
 * after a change made here). Each POSTs the envelope JSON with {@link WebhookSignature}'s headers; anything but a
 * 2xx answer is a failed attempt.
 */
public final class WebhookDestinations implements EventDestinations, AutoCloseable {

    private final WebhookStore store;
    private final WebhookSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private volatile Cache cache = new Cache(List.of(), Instant.MIN);

    public WebhookDestinations(WebhookStore store, WebhookSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Collection<? extends EventDestination> current() {
        Cache current = cache;
        Instant now = clock.instant();
        if (current.readAt().equals(Instant.MIN) || now.isAfter(current.readAt().plusSeconds(1))) {
            current = new Cache(
                    store.all().stream()
                            .filter(stored -> stored.endpoint().enabled())
                            .map(stored -> (EventDestination) new Destination(stored.endpoint(), stored.secret()))
                            .toList(),
                    now);
            cache = current;
        }
        return current.destinations();
    }

    /** Reads the endpoints again at the next {@link #current()}. */
    public void invalidate() {
        cache = new Cache(List.of(), Instant.MIN);
    }

    @Override
    public void close() {
        http.close();
    }

    private record Cache(List<EventDestination> destinations, Instant readAt) {}

    /** One endpoint as an event destination. */
    private final class Destination implements EventDestination {

        private final WebhookEndpoint endpoint;
        private final String secret;
        private final URI uri;

        Destination(WebhookEndpoint endpoint, String secret) {
            this.endpoint = endpoint;
            this.secret = secret;
            this.uri = URI.create(endpoint.url());
        }

        @Override
        public String name() {
            return endpoint.destinationName();
        }

        @Override
        public boolean accepts(EventEnvelope event) {
            return endpoint.wants(event.type());
        }

        @Override
        public Optional<DeliveryPolicy> policy() {
            return Optional.of(new DeliveryPolicy(
                    endpoint.maxAttempts(), settings.initialBackoff(), settings.maxBackoff(), settings.multiplier()));
        }

        @Override
        public void deliver(EventEnvelope event) throws Exception {
            byte[] body = event.toJson().getBytes(StandardCharsets.UTF_8);
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofMillis(endpoint.timeoutMillis()))
                    .header("Content-Type", EventEnvelope.MEDIA_TYPE)
                    .header(WebhookSignature.EVENT_ID_HEADER, event.id())
                    .header(WebhookSignature.EVENT_TYPE_HEADER, event.type())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new WebhookRejectedException(endpoint.url(), response.statusCode());
            }
        }
    }
}
