package org.chapkit.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of chapkit's metrics endpoint.
 *
 * @param enabled whether chapkit serves {@code /metrics} (Prometheus text) and records its HTTP server metrics
 * @param httpBuckets histogram buckets (service-level objectives) of {@code http_server_duration_milliseconds}, for
 *     example {@code 100ms,1s,10s}; none by default (count, sum and max only: what the console reads), since every
 *     bucket is one more line per method, status and route
 * @param lean whether meter families that repeat others are dropped: Spring's {@code http_server_requests_*} (chapkit's
 *     {@code http_server_duration_milliseconds} is the console's), Spring Security's observation timers, and timers of
 *     observations that are spans (job submit/run, artifact store, shell command, JDBC)
 */
@ConfigurationProperties("chapkit.metrics")
public record ChapkitMetricsProperties(
        @DefaultValue("true") boolean enabled,
        List<Duration> httpBuckets,
        @DefaultValue("true") boolean lean) {

    /** No buckets unless some are set. */
    public ChapkitMetricsProperties {
        httpBuckets = httpBuckets == null ? List.of() : List.copyOf(httpBuckets);
    }
}
