package org.chapkit.security.ratelimit.internal;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.chapkit.security.ratelimit.RateDecision;
import org.chapkit.security.ratelimit.RateLimit;
import org.chapkit.security.ratelimit.RateLimiter;

/**
 * Bucket4j token buckets in this JVM, for a single instance (and H2). The map is bounded: when it grows past
 * {@code maxBuckets} it is cleared, which at worst gives every caller a full bucket again.
 */
public class LocalRateLimiter implements RateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int maxBuckets;

    public LocalRateLimiter(int maxBuckets) {
        this.maxBuckets = maxBuckets;
    }

    @Override
    public RateDecision tryAcquire(String bucket, RateLimit limit) {
        String key = bucket + "|" + limit.requests() + "/" + limit.period().toMillis();
        if (buckets.size() >= maxBuckets && !buckets.containsKey(key)) {
            buckets.clear();
        }
        Bucket tokens = buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(BucketRateLimiter.bandwidth(limit))
                        .build());
        ConsumptionProbe probe = tokens.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? RateDecision.ALLOWED
                : new RateDecision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
