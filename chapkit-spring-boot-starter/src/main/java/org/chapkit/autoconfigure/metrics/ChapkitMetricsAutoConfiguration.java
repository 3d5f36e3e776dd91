package org.chapkit.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.chapkit.metrics.ProcessMetrics;
import org.chapkit.metrics.internal.HttpServerMetricsFilter;
import org.chapkit.metrics.internal.PrometheusMetricsController;
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
    FilterRegistrationBean<HttpServerMetricsFilter> chapkitHttpServerMetricsFilter(MeterRegistry registry) {
        FilterRegistrationBean<HttpServerMetricsFilter> registration =
                new FilterRegistrationBean<>(new HttpServerMetricsFilter(registry));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.setName("chapkitHttpServerMetricsFilter");
        return registration;
    }

    /**
     * Drops the timers Boot's meter observation handler would make of observations that chapkit already measures
     * ({@code chapkit_jobs_*}, the HTTP families) or that would repeat per statement (JDBC): they are spans, not meter
     * families. {@code chapkit.runner} stays: it is the runner duration per operation and runner type.
     */
    @Bean
    @ConditionalOnMissingBean(name = "chapkitObservationMeterFilter")
    MeterFilter chapkitObservationMeterFilter() {
        return MeterFilter.deny(id -> OBSERVATIONS_WITHOUT_METERS.stream()
                .anyMatch(prefix -> id.getName().startsWith(prefix)));
    }

    private static final List<String> OBSERVATIONS_WITHOUT_METERS = List.of(
            "chapkit.job.submit", "chapkit.job.run", "chapkit.artifact.store", "chapkit.shell.command", "jdbc.");

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
