package org.chapkit.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.metrics.ProcessMetrics;
import org.chapkit.metrics.internal.HttpServerMetricsFilter;
import org.chapkit.metrics.internal.PrometheusMetricsController;
import org.chapkit.registration.ChapCoreRegistration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Serves Micrometer's Prometheus registry at {@code /metrics} (chapkit's path), in addition to Actuator's
 * {@code /actuator/prometheus} when that is exposed, and records the metric families chapkit's console reads
 * ({@code http_server_duration_milliseconds}, {@code http_server_active_requests}, {@code process_*}). Switch off with {@code chapkit.metrics.enabled=false}.
 */
@AutoConfiguration(after = PrometheusMetricsExportAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(PrometheusMeterRegistry.class)
@ConditionalOnBooleanProperty(name = "chapkit.metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChapkitMetricsProperties.class)
public final class ChapkitMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingFilterBean(HttpServerMetricsFilter.class)
    @ConditionalOnBean(MeterRegistry.class)
    FilterRegistrationBean<HttpServerMetricsFilter> chapkitHttpServerMetricsFilter(
            MeterRegistry registry, ChapkitMetricsProperties properties) {
        double[] buckets = properties.httpBuckets().stream()
                .mapToDouble(bucket -> bucket.toNanos() / 1_000_000.0)
                .toArray();
        FilterRegistrationBean<HttpServerMetricsFilter> registration =
                new FilterRegistrationBean<>(new HttpServerMetricsFilter(registry, buckets));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.setName("chapkitHttpServerMetricsFilter");
        return registration;
    }

    /**
     * Drops meter families that repeat others: Spring's HTTP server timers (chapkit's HTTP family is the console's),
     * Spring Security's observation timers, and the timers Boot's meter observation handler would make of observations
     * that chapkit already measures ({@code chapkit_jobs_*}) or that repeat per statement (JDBC): those are spans, not
     * meter families. {@code chapkit.runner} stays: it is the runner duration per operation and runner type.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "chapkit.metrics.lean", matchIfMissing = true)
    @ConditionalOnMissingBean(name = "chapkitLeanMeterFilter")
    MeterFilter chapkitLeanMeterFilter() {
        return MeterFilter.deny(
                id -> REPEATED_FAMILIES.stream().anyMatch(prefix -> id.getName().startsWith(prefix)));
    }

    /** Meter name prefixes {@code chapkit.metrics.lean} drops. */
    static final List<String> REPEATED_FAMILIES = List.of(
            "http.server.requests",
            "spring.security.",
            "chapkit.job.submit",
            "chapkit.job.run",
            "chapkit.artifact.store",
            "chapkit.shell.command",
            "jdbc.");

    @Bean
    @ConditionalOnMissingBean(name = "chapkitFeatureMeters")
    MeterBinder chapkitFeatureMeters(
            ObjectProvider<ArtifactManager> artifacts, ObjectProvider<ChapCoreRegistration> registration) {
        return new FeatureMeters(artifacts, registration);
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessMetrics chapkitProcessMetrics() {
        return new ProcessMetrics();
    }

    @Bean
    @ConditionalOnBean(PrometheusMeterRegistry.class)
    @ConditionalOnMissingBean
    PrometheusMetricsController chapkitPrometheusMetricsController(PrometheusMeterRegistry registry) {
        return new PrometheusMetricsController(registry);
    }
}
