package org.chapkit.task;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How a failed task run is retried: exponential backoff with a cap and random jitter. Pure; the randomness comes
 * from the caller so that tests can fix it.
 *
 * @param maxAttempts attempts in total including the first, 1 to {@value #MAX_ATTEMPTS_LIMIT}
 * @param initialDelay delay before the second attempt, not negative
 * @param multiplier growth of the delay per attempt, 1 to 10
 * @param maxDelay upper bound of any delay, at least {@code initialDelay}, at most {@link #MAX_DELAY_LIMIT}
 * @param jitter random spread of each delay as a fraction of it, 0 to 1
 * @param nonRetryable exception types (with subtypes) that fail a run at once
 */
public record RetryPolicy(
        int maxAttempts,
        Duration initialDelay,
        double multiplier,
        Duration maxDelay,
        double jitter,
        List<Class<? extends Throwable>> nonRetryable) {

    /** The most attempts a policy may ask for. */
    public static final int MAX_ATTEMPTS_LIMIT = 20;

    /** The longest delay a policy may ask for. */
    public static final Duration MAX_DELAY_LIMIT = Duration.ofHours(24);

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException(
                    "maxAttempts must be between 1 and " + MAX_ATTEMPTS_LIMIT + ", got " + maxAttempts);
        }
        if (initialDelay == null || initialDelay.isNegative()) {
            throw new IllegalArgumentException("initialDelay must not be negative, got " + initialDelay);
        }
        if (!(multiplier >= 1.0 && multiplier <= 10.0)) {
            throw new IllegalArgumentException("multiplier must be between 1 and 10, got " + multiplier);
        }
        if (maxDelay == null || maxDelay.compareTo(initialDelay) < 0 || maxDelay.compareTo(MAX_DELAY_LIMIT) > 0) {
            throw new IllegalArgumentException("maxDelay must be between initialDelay (" + initialDelay + ") and "
                    + MAX_DELAY_LIMIT + ", got " + maxDelay);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
        }
        nonRetryable = List.copyOf(nonRetryable);
    }

    /** The default: a single attempt, no retry. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5), 0.1, List.of());
    }

    /** Whether {@code failure} may be retried at all (it, or the checked exception it wraps, is not non-retryable). */
    public boolean isRetryable(Throwable failure) {
        Throwable cause =
                failure instanceof TaskFailedException && failure.getCause() != null ? failure.getCause() : failure;
        return nonRetryable.stream().noneMatch(type -> type.isInstance(cause));
    }

    /** Whether the run is attempted again after attempt number {@code failedAttempt} (1-based) failed so. */
    public boolean shouldRetry(int failedAttempt, Throwable failure) {
        return failedAttempt < maxAttempts && isRetryable(failure);
    }

    /**
     * The delay between failed attempt number {@code failedAttempt} (1-based) and the next one.
     *
     * @param random source of the jitter; {@code nextDouble()} of 0.5 means no spread
     */
    public Duration delayAfter(int failedAttempt, RandomGenerator random) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("failedAttempt is 1-based, got " + failedAttempt);
        }
        double maxMillis = maxDelay.toMillis();
        double base = Math.min(maxMillis, initialDelay.toMillis() * Math.pow(multiplier, failedAttempt - 1));
        double spread = jitter == 0.0 ? 1.0 : 1.0 + jitter * (2.0 * random.nextDouble() - 1.0);
        double delay = Math.max(0.0, Math.min(maxMillis, base * spread));
        return Duration.ofMillis(Math.round(delay));
    }
}
