package org.chapkit.autoconfigure.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.chapkit.metrics.PrometheusMetricsController;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Serves Micrometer's Prometheus registry at {@code /metrics} (chapkit's path), in addition to Actuator's
 * {@code /actuator/prometheus} when that is exposed. Switch off with {@code chapkit.metrics.enabled=false}.
 */
@AutoConfiguration(after = PrometheusMetricsExportAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(PrometheusMeterRegistry.class)
@ConditionalOnBooleanProperty(name = "chapkit.metrics.enabled", matchIfMissing = true)
public final class ChapkitMetricsAutoConfiguration {

    @Bean
    @ConditionalOnBean(PrometheusMeterRegistry.class)
    @ConditionalOnMissingBean
    PrometheusMetricsController chapkitPrometheusMetricsController(PrometheusMeterRegistry registry) {
        return new PrometheusMetricsController(registry);
    }
}
