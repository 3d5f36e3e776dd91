package org.chapkit.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.chapkit.event.DeadLetter;
import org.chapkit.event.EventDispatcher;
import org.chapkit.id.Ulids;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.NotFoundException;
import org.chapkit.problem.ValidationFailedException;
import org.chapkit.time.UtcTimestamps;
import org.chapkit.webhook.internal.WebhookDestinations;
import org.chapkit.webhook.internal.WebhookStore;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Webhook endpoints: created, changed and deleted over {@code /api/v1/webhooks}, each an event destination
 * ({@code webhook:<id>}) of its own with its own cursor, so one dead receiver never holds back another. An event is
 * POSTed as its envelope JSON ({@code application/cloudevents+json}) with {@link WebhookSignature}'s headers; any
 * answer but 2xx, a timeout or a connection failure is retried with backoff, and after the endpoint's
 * {@code max_attempts} the event goes to the dead-letter table.
 */
public final class WebhookManager {

    /** The prefix of webhook destinations' names. */
    public static final String DESTINATION_PREFIX = "webhook:";

    private static final int MIN_SECRET_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookStore store;
    private final EventDispatcher dispatcher;
    private final TransactionOperations transactions;
    private final WebhookSettings settings;
    private final Clock clock;
    private final WebhookDestinations destinations;

    /**
     * @param store the endpoints table
     * @param dispatcher the event dispatcher (each endpoint's delivery state and dead letters)
     * @param transactions runs a change of an endpoint and of its delivery state in one transaction
     * @param settings defaults and backoff
     * @param clock the source of timestamps
     * @param destinations the endpoints as event destinations (told of every change)
     */
    public WebhookManager(
            WebhookStore store,
            EventDispatcher dispatcher,
            TransactionOperations transactions,
            WebhookSettings settings,
            Clock clock,
            WebhookDestinations destinations) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.destinations = destinations;
    }

    /**
     * Creates an endpoint; it gets the events committed from now on.
     *
     * @param in the endpoint; {@code url} required
     * @return the endpoint and its secret (shown this once)
     * @throws ValidationFailedException naming each invalid field
     */
    public WebhookCreated create(WebhookIn in) {
        String secret = in.secret() == null ? newSecret() : in.secret();
        Instant now = UtcTimestamps.now(clock);
        WebhookEndpoint endpoint = validated(
                new WebhookEndpoint(
                        Ulids.newUlid(),
                        in.url(),
                        in.types() == null ? List.of() : in.types(),
                        in.enabled() == null || in.enabled(),
                        in.maxAttempts() == null ? settings.maxAttempts() : in.maxAttempts(),
                        in.timeoutMillis() == null ? settings.timeout().toMillis() : in.timeoutMillis(),
                        in.description(),
                        now,
                        now),
                secret);
        transactions.executeWithoutResult(status -> {
            store.insert(endpoint, secret);
            dispatcher.track(endpoint.destinationName());
        });
        invalidate();
        return new WebhookCreated(endpoint, secret);
    }

    /**
     * Changes the fields of {@code in} that are not null.
     *
     * @param id the endpoint
     * @param in the changes
     * @return the endpoint
     * @throws NotFoundException when there is no such endpoint
     */
    public WebhookEndpoint update(String id, WebhookIn in) {
        WebhookStore.Stored current = stored(id);
        WebhookEndpoint old = current.endpoint();
        String secret = in.secret() == null ? current.secret() : in.secret();
        WebhookEndpoint updated = validated(
                new WebhookEndpoint(
                        old.id(),
                        in.url() == null ? old.url() : in.url(),
                        in.types() == null ? old.types() : in.types(),
                        in.enabled() == null ? old.enabled() : in.enabled(),
                        in.maxAttempts() == null ? old.maxAttempts() : in.maxAttempts(),
                        in.timeoutMillis() == null ? old.timeoutMillis() : in.timeoutMillis(),
                        in.description() == null ? old.description() : in.description(),
                        old.createdAt(),
                        UtcTimestamps.now(clock)),
                secret);
        if (!store.update(updated, secret)) {
            throw notFound(id);
        }
        invalidate();
        return updated;
    }

    /**
     * Deletes an endpoint, its delivery state and its dead letters.
     *
     * @param id the endpoint
     * @throws NotFoundException when there is no such endpoint
     */
    public void delete(String id) {
        WebhookEndpoint endpoint = get(id);
        transactions.executeWithoutResult(status -> {
            if (!store.delete(endpoint.id())) {
                throw notFound(id);
            }
            dispatcher.forget(endpoint.destinationName());
        });
        invalidate();
    }

    /** Every endpoint, oldest first. */
    public List<WebhookEndpoint> list() {
        return store.all().stream().map(WebhookStore.Stored::endpoint).toList();
    }

    /**
     * One endpoint.
     *
     * @param id its id
     * @return the endpoint
     * @throws NotFoundException when there is none
     */
    public WebhookEndpoint get(String id) {
        return stored(id).endpoint();
    }

    /**
     * The events this endpoint gave up on.
     *
     * @param id the endpoint
     * @return its dead letters, oldest first
     */
    public List<DeadLetter> deadLetters(String id) {
        return dispatcher.deadLetters(get(id).destinationName());
    }

    /**
     * POSTs one of this endpoint's dead letters again, now.
     *
     * @param id the endpoint
     * @param letter the dead letter
     * @return what happened
     * @throws NotFoundException when the endpoint or the letter (of this endpoint) does not exist
     */
    public EventDispatcher.ReplayResult replay(String id, String letter) {
        WebhookEndpoint endpoint = get(id);
        Optional<DeadLetter> found = dispatcher.deadLetter(letter);
        if (found.isEmpty() || !found.get().destination().equals(endpoint.destinationName())) {
            throw new NotFoundException("Webhook " + id + " has no dead letter " + letter);
        }
        return dispatcher.replayDeadLetter(letter);
    }

    private void invalidate() {
        destinations.invalidate();
    }

    private WebhookStore.Stored stored(String id) {
        if (!Ulids.isValid(id)) {
            throw notFound(id);
        }
        return store.find(Ulids.requireValid(id)).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("Webhook " + id + " not found");
    }

    private static WebhookEndpoint validated(WebhookEndpoint endpoint, String secret) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (endpoint.url() == null || endpoint.url().isBlank()) {
            errors.add(new FieldError("url", "is required"));
        } else {
            try {
                URI uri = new URI(endpoint.url());
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    errors.add(new FieldError("url", "must be an absolute http or https URL"));
                }
            } catch (URISyntaxException ex) {
                errors.add(new FieldError("url", "is not a URL: " + ex.getMessage()));
            }
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            errors.add(new FieldError("secret", "must be at least " + MIN_SECRET_LENGTH + " characters"));
        }
        if (endpoint.maxAttempts() < 1 || endpoint.maxAttempts() > 100) {
            errors.add(new FieldError("max_attempts", "must be between 1 and 100"));
        }
        if (endpoint.timeoutMillis() < 100 || endpoint.timeoutMillis() > 120_000) {
            errors.add(new FieldError("timeout_ms", "must be between 100 and 120000"));
        }
        for (String type : endpoint.types()) {
            if (type == null || type.isBlank() || type.contains(",")) {
                errors.add(new FieldError("types", "must be event types or prefixes ending in '*', without commas"));
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException("Invalid webhook endpoint", errors);
        }
        return endpoint;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
