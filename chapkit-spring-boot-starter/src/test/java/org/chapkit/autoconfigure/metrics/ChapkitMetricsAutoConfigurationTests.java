package org.chapkit.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import java.time.Duration;
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
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

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
    void httpBucketsAreOffByDefaultAndSetByProperty() {
        runner.run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            new HttpServerMetricsFilter(registry)
                    .doFilter(request(), new MockHttpServletResponse(), new MockFilterChain());
            assertThat(exposition(context))
                    .contains("http_server_duration_milliseconds_count")
                    .doesNotContain("http_server_duration_milliseconds_bucket");
        });
        runner.withPropertyValues("chapkit.metrics.http-buckets=100ms,1s").run(context -> {
            FilterRegistrationBean<?> registration =
                    context.getBean("chapkitHttpServerMetricsFilter", FilterRegistrationBean.class);
            ((HttpServerMetricsFilter) registration.getFilter())
                    .doFilter(request(), new MockHttpServletResponse(), new MockFilterChain());
            assertThat(exposition(context))
                    .contains("http_server_duration_milliseconds_bucket{http_method=\"GET\",http_status_code=\"200\","
                            + "http_target=\"other\",le=\"100.0\"}")
                    .contains("le=\"1000.0\"");
        });
    }

    @Test
    void repeatedFamiliesAreDroppedUnlessLeanIsOff() {
        runner.run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            registry.timer("http.server.requests").record(Duration.ofMillis(1));
            registry.timer("chapkit.runner", "runner.operation", "predict").record(Duration.ofMillis(1));
            assertThat(exposition(context))
                    .doesNotContain("http_server_requests_seconds")
                    .contains("chapkit_runner_seconds_count");
        });
        runner.withPropertyValues("chapkit.metrics.lean=false").run(context -> {
            context.getBean(MeterRegistry.class).timer("http.server.requests").record(Duration.ofMillis(1));
            assertThat(exposition(context)).contains("http_server_requests_seconds");
        });
        runner.withBean("chapkitLeanMeterFilter", MeterFilter.class, () -> MeterFilter.accept())
                .run(context -> {
                    context.getBean(MeterRegistry.class)
                            .timer("http.server.requests")
                            .record(Duration.ofMillis(1));
                    assertThat(exposition(context)).contains("http_server_requests_seconds");
                });
    }

    private static MockHttpServletRequest request() {
        return new MockHttpServletRequest("GET", "/x");
    }

    private static String exposition(org.springframework.context.ApplicationContext context) {
        return context.getBean(PrometheusMetricsController.class).metrics().getBody();
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
