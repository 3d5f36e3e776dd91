package org.chapkit.security.ratelimit;

/** Takes one token from the bucket of a caller. */
@FunctionalInterface
public interface RateLimiter {

    /**
     * @param bucket the caller's bucket key (for example {@code key:<id>} or {@code ip:<address>})
     * @param limit the caller's limit
     * @return whether the request may go on
     */
    RateDecision tryAcquire(String bucket, RateLimit limit);
}
