package org.chapkit.metrics.internal;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves every Micrometer meter at {@code /metrics} in the Prometheus text exposition format 0.0.4. */
@RestController
@Tag(name = "Observability")
public class PrometheusMetricsController {

    /** The content type chapkit's console and Prometheus scrapers expect. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public PrometheusMetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    /** The current value of every meter. */
    @GetMapping(
            path = "/metrics",
            produces = {MediaType.TEXT_PLAIN_VALUE, MediaType.ALL_VALUE})
    @Operation(summary = "Prometheus metrics")
    public ResponseEntity<String> metrics() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CONTENT_TYPE))
                .body(registry.scrape(CONTENT_TYPE));
    }
}
