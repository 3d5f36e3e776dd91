package org.chapkit.registration;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": after the n-th consecutive failure the next attempt waits a random time
 * between half and all of {@code min(max, initial * 2^(n-1))}. Because every delay is at least half of its doubling
 * base, consecutive delays never shrink, and a failing registry sees at most one attempt per {@code initial / 2},
 * falling to one per {@code max / 2}.
 *
 * @param initial base delay after the first failure
 * @param max upper bound of the base delay
 */
public record Backoff(Duration initial, Duration max) {

    /** Checks the bounds. */
    public Backoff {
        if (initial == null || initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("backoff initial delay must be positive, got " + initial);
        }
        if (max == null || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(
                    "backoff max delay (" + max + ") must not be smaller than the initial delay (" + initial + ")");
        }
    }

    /**
     * The delay before the next attempt.
     *
     * @param failures consecutive failures so far (1 after the first)
     * @param random source of the jitter
     */
    public Duration delay(int failures, RandomGenerator random) {
        long base = base(failures);
        long half = base / 2;
        return Duration.ofNanos(half + random.nextLong(base - half + 1));
    }

    /** The shortest delay {@link #delay} can return after {@code failures} consecutive failures. */
    public Duration minimum(int failures) {
        return Duration.ofNanos(base(failures) / 2);
    }

    private long base(int failures) {
        int doublings = Math.clamp(failures - 1L, 0, 40);
        long maxNanos = max.toNanos();
        long base = initial.toNanos();
        for (int i = 0; i < doublings && base < maxNanos; i++) {
            base = base * 2;
        }
        return Math.min(base, maxNanos);
    }
}
