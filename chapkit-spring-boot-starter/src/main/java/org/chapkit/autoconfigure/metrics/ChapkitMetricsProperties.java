package org.chapkit.autoconfigure.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of chapkit's metrics endpoint.
 *
 * @param enabled whether chapkit serves {@code /metrics} (Prometheus text) and records its HTTP server metrics
 */
@ConfigurationProperties("chapkit.metrics")
public record ChapkitMetricsProperties(@DefaultValue("true") boolean enabled) {}
