package org.chapkit.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.chapkit.metrics.ProcessMetrics;
import org.chapkit.metrics.internal.HttpServerMetricsFilter;
import org.chapkit.metrics.internal.PrometheusMetricsController;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chapkit's {@code /metrics}: served from Micrometer's Prometheus registry, with the families the console reads. */
class ChapkitMetricsAutoConfigurationTests {

    private static final AutoConfigurations MICROMETER = AutoConfigurations.of(
            MetricsAutoConfiguration.class,
            CompositeMeterRegistryAutoConfiguration.class,
            PrometheusMetricsExportAutoConfiguration.class);

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(MICROMETER)
            .withConfiguration(AutoConfigurations.of(ChapkitMetricsAutoConfiguration.class));

    @Test
    void servesThePrometheusRegistryWithTheProcessFamilies() {
        runner.run(context -> {
            assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(ProcessMetrics.class)
                    .hasSingleBean(PrometheusMetricsController.class)
                    .hasBean("chapkitHttpServerMetricsFilter");
            assertThat(context.getBean("chapkitHttpServerMetricsFilter", FilterRegistrationBean.class)
                            .getFilter())
                    .isInstanceOf(HttpServerMetricsFilter.class);
            String exposition =
                    context.getBean(PrometheusMetricsController.class).metrics().getBody();
            assertThat(exposition).contains("process_cpu_seconds_total", "process_resident_memory_bytes");
        });
    }

    @Test
    void withoutARegistryOnlyTheBinderIsContributed() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ChapkitMetricsAutoConfiguration.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .hasSingleBean(ProcessMetrics.class)
                        .doesNotHaveBean(PrometheusMetricsController.class)
                        .doesNotHaveBean("chapkitHttpServerMetricsFilter"));
    }

    @Test
    void backsOffWhenSwitchedOffOrOutsideAServletApplication() {
        runner.withPropertyValues("chapkit.metrics.enabled=false")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(ProcessMetrics.class)
                        .doesNotHaveBean(PrometheusMetricsController.class));
        new ApplicationContextRunner()
                .withConfiguration(MICROMETER)
                .withConfiguration(AutoConfigurations.of(ChapkitMetricsAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PrometheusMetricsController.class));
    }

    @Test
    void aBinderOfTheApplicationWins() {
        runner.withUserConfiguration(OwnBinder.class).run(context -> {
            assertThat(context).hasSingleBean(ProcessMetrics.class);
            assertThat(context.getBean(ProcessMetrics.class)).isSameAs(context.getBean("ownProcessMetrics"));
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBinder {

        @Bean
        ProcessMetrics ownProcessMetrics() {
            return new ProcessMetrics();
        }
    }
}
