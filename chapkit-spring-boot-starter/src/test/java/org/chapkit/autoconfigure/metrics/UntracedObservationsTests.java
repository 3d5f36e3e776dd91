package org.chapkit.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import org.chapkit.autoconfigure.tracing.ChapkitTracingAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Without a tracer (no Micrometer Tracing on the class path, as in the sample app), Spring Security's observations and
 * {@code http.server.requests} are switched off (their meters are dropped by the lean metrics, so they would be work
 * for nothing); with a tracer, or with {@code chapkit.metrics.lean=false}, nothing is switched off. The whole service
 * without a tracer is {@code UntracedRequestsTests} in the sample app (this module's tests have OpenTelemetry).
 */
class UntracedObservationsTests {

    @Test
    void onlyWithoutATracerAndWithLeanMetrics() {
        WebApplicationContextRunner runner = new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ChapkitUntracedObservationsAutoConfiguration.class));
        runner.run(context -> {
            assertThat(context).hasSingleBean(SecurityObservationSettings.class);
            ObservationPredicate predicate =
                    context.getBean("chapkitUntracedServerRequests", ObservationPredicate.class);
            assertThat(predicate.test("http.server.requests", new Observation.Context()))
                    .isFalse();
            assertThat(predicate.test("chapkit.job.run", new Observation.Context()))
                    .isTrue();
        });
        runner.withBean(Tracer.class, () -> Tracer.NOOP).run(context -> {
            assertThat(context).doesNotHaveBean(SecurityObservationSettings.class);
            assertThat(context).doesNotHaveBean("chapkitUntracedServerRequests");
        });
        runner.withPropertyValues("chapkit.metrics.lean=false").run(context -> {
            assertThat(context).doesNotHaveBean(SecurityObservationSettings.class);
            assertThat(context).doesNotHaveBean("chapkitUntracedServerRequests");
        });
        // a tracer from Boot's own auto-configuration, ordered before this one through chapkit's tracing one
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        OpenTelemetrySdkAutoConfiguration.class,
                        OpenTelemetryTracingAutoConfiguration.class,
                        ChapkitTracingAutoConfiguration.class,
                        ChapkitUntracedObservationsAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Tracer.class);
                    assertThat(context).doesNotHaveBean("chapkitUntracedServerRequests");
                    assertThat(context).doesNotHaveBean(SecurityObservationSettings.class);
                });
        SecurityObservationSettings own =
                SecurityObservationSettings.withDefaults().build();
        runner.withBean(SecurityObservationSettings.class, () -> own)
                .run(context -> assertThat(context.getBean(SecurityObservationSettings.class))
                        .isSameAs(own));
    }
}
