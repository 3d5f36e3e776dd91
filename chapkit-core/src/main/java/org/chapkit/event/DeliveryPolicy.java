package org.chapkit.event;

import java.time.Duration;
import java.util.Objects;

/**
 * How a destination retries: after the n-th failed attempt of an event, the next one waits {@code initialBackoff ×
 * multiplier^(n-1)}, at most {@code maxBackoff}; after {@code maxAttempts} failed attempts the event goes to the
 * dead-letter table and the destination moves on ({@code 0}: retry for ever, keeping the order).
 *
 * @param maxAttempts attempts before dead-lettering, or {@code 0} for no limit
 * @param initialBackoff wait after the first failure
 * @param maxBackoff longest wait
 * @param multiplier growth of the wait per failure (at least 1)
 */
public record DeliveryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier) {

    /** Retries for ever: 1 s doubling to 5 min. */
    public static final DeliveryPolicy DEFAULT =
            new DeliveryPolicy(0, Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0);

    /** Checks the values. */
    public DeliveryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must be 0 (no limit) or more, not " + maxAttempts);
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be at least 1, not " + multiplier);
        }
    }

    /**
     * The wait before the next attempt after {@code failures} failed ones.
     *
     * @param failures failed attempts so far (at least 1)
     * @return the wait
     */
    public Duration backoff(int failures) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failures - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    /**
     * Whether an event that failed {@code failures} times goes to the dead-letter table.
     *
     * @param failures failed attempts so far
     * @return {@code true} when the limit is reached
     */
    public boolean exhausted(int failures) {
        return maxAttempts > 0 && failures >= maxAttempts;
    }
}
