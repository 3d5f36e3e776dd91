package org.chapkit.client.job;

import java.time.Duration;
import java.util.Objects;

/**
 * Poll delays that grow geometrically to a cap: {@code initial}, {@code initial × multiplier}, ... up to
 * {@code max}. The default (0.2 s, ×1.5, 2 s) is what {@code chapkit test} uses.
 *
 * @param initial the first delay
 * @param multiplier growth factor, at least 1
 * @param max the largest delay
 */
public record Backoff(Duration initial, double multiplier, Duration max) {

    /** chapkit's polling: 0.2 s rising ×1.5 to 2 s. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(200), 1.5, Duration.ofSeconds(2));

    /** Validates the parameters. */
    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 <= initial <= max, got " + initial + ", " + max);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("Backoff multiplier must be >= 1, got " + multiplier);
        }
    }

    /**
     * The delay after {@code previous}.
     *
     * @param previous the last delay, or {@code null} before the first poll
     * @return the next delay, never above {@link #max()}
     */
    public Duration next(Duration previous) {
        if (previous == null) {
            return initial;
        }
        double nanos = previous.toNanos() * multiplier;
        return nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
    }
}
