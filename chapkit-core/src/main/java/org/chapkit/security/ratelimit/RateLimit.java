package org.chapkit.security.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * A limit of {@code requests} per {@code period}, refilled gradually (a token bucket of that capacity).
 *
 * @param requests how many requests a caller may make per period
 * @param period the period
 */
public record RateLimit(long requests, Duration period) {

    public RateLimit {
        Objects.requireNonNull(period, "period");
        if (requests < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit needs requests >= 1 and a positive period");
        }
    }
}
