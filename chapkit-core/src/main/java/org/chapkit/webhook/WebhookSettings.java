package org.chapkit.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * Defaults of new endpoints and the retry backoff of every endpoint.
 *
 * @param maxAttempts failed attempts of one event before it is dead-lettered, for endpoints created without one
 * @param timeout timeout of one POST, for endpoints created without one
 * @param initialBackoff wait after an endpoint's first failure
 * @param maxBackoff longest wait between attempts
 * @param multiplier growth of the wait per failure
 */
public record WebhookSettings(
        int maxAttempts, Duration timeout, Duration initialBackoff, Duration maxBackoff, double multiplier) {

    /** Checks the values. */
    public WebhookSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("chapkit.webhooks.max-attempts must be at least 1, not " + maxAttempts);
        }
    }
}
