package org.chapkit.security.ratelimit;

import java.time.Duration;

/**
 * Whether one request may go on.
 *
 * @param allowed true when a token was taken
 * @param retryAfter how long until the next token, when not allowed ({@link Duration#ZERO} otherwise)
 */
public record RateDecision(boolean allowed, Duration retryAfter) {

    /** An allowed request. */
    public static final RateDecision ALLOWED = new RateDecision(true, Duration.ZERO);

    /** {@code Retry-After} in whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
