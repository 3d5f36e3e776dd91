package org.chapkit.metrics.internal;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records the HTTP metric families that chapkit's web console and Grafana dashboards read (OpenTelemetry's old
 * HTTP semantic conventions): {@code http_server_duration_milliseconds} (histogram with labels {@code
 * http_method}, {@code http_status_code}, {@code http_target}) and {@code http_server_active_requests}. The
 * target is the matched route pattern, never the raw path, so cardinality stays bounded.
 */
public class HttpServerMetricsFilter extends OncePerRequestFilter {

    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();

    private final double[] buckets;

    /** Records count, sum and max of each method, status and route; no histogram buckets. */
    public HttpServerMetricsFilter(MeterRegistry registry) {
        this(registry, new double[0]);
    }

    /**
     * Records with these histogram buckets (service-level objectives, in milliseconds); none records count, sum and
     * max only. Keep the set small: each bucket is one more line per method, status and route (a percentile histogram
     * would add about 70).
     */
    public HttpServerMetricsFilter(MeterRegistry registry, double... bucketsMillis) {
        this.buckets = bucketsMillis.clone();
        this.registry = registry;
        registry.gauge("http.server.active_requests", active);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        active.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            active.decrementAndGet();
            if (!request.isAsyncStarted()) {
                record(request, response, start);
            }
        }
    }

    private void record(HttpServletRequest request, HttpServletResponse response, long start) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String target = pattern != null ? pattern.toString() : response.getStatus() == 404 ? "unmatched" : "other";
        DistributionSummary.builder("http.server.duration")
                .baseUnit("milliseconds")
                .description("Duration of inbound HTTP requests")
                .tag("http_method", request.getMethod())
                .tag("http_status_code", Integer.toString(response.getStatus()))
                .tag("http_target", target)
                .serviceLevelObjectives(buckets)
                .register(registry)
                .record((System.nanoTime() - start) / 1_000_000.0);
    }
}
