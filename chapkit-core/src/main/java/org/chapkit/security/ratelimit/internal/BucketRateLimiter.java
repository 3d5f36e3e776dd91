package org.chapkit.security.ratelimit.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import org.chapkit.security.ratelimit.RateDecision;
import org.chapkit.security.ratelimit.RateLimit;
import org.chapkit.security.ratelimit.RateLimiter;

/**
 * Bucket4j token buckets kept by a {@link ProxyManager}: in the database for a cluster (Bucket4j's PostgreSQL
 * proxy, one row per bucket, taken with {@code SELECT … FOR UPDATE}), so all instances draw from the same bucket.
 */
public class BucketRateLimiter implements RateLimiter {

    private final ProxyManager<String> buckets;

    public BucketRateLimiter(ProxyManager<String> buckets) {
        this.buckets = buckets;
    }

    @Override
    public RateDecision tryAcquire(String bucket, RateLimit limit) {
        // The limit is part of the key, so changing a role's limit starts fresh buckets instead of reusing old ones.
        String key = bucket + "|" + limit.requests() + "/" + limit.period().toMillis();
        ConsumptionProbe probe =
                buckets.builder().build(key, () -> configuration(limit)).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? RateDecision.ALLOWED
                : new RateDecision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
    }

    static Bandwidth bandwidth(RateLimit limit) {
        return Bandwidth.builder()
                .capacity(limit.requests())
                .refillGreedy(limit.requests(), limit.period())
                .build();
    }
}
