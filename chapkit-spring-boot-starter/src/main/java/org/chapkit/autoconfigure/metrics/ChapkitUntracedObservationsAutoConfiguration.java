package org.chapkit.autoconfigure.metrics;

import io.micrometer.observation.ObservationPredicate;
import org.chapkit.autoconfigure.tracing.ChapkitTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Without a tracer, observations whose only product would be meter families that {@code chapkit.metrics.lean} drops
 * are not made at all: Spring Security's filter-chain, authentication and authorization observations
 * ({@link SecurityObservationSettings#noObservations()}, so the filter chain is not decorated) and Spring's
 * {@code http.server.requests} observation (an {@link ObservationPredicate}; chapkit's own HTTP meter family is made by
 * its metrics filter). Each would otherwise start, tag and stop an observation on every request for a meter that is
 * then denied. With a tracer (Micrometer Tracing with a bridge) they are spans and stay; so they do with
 * {@code chapkit.metrics.lean=false}, where they are meters. An application's own {@code SecurityObservationSettings}
 * bean wins.
 */
// after chapkit's tracing auto-configuration, which is itself after Boot's tracer auto-configurations: the tracer
// condition below sees every tracer they define
@AutoConfiguration(after = ChapkitTracingAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "chapkit.metrics.lean", matchIfMissing = true)
@ConditionalOnMissingBean(type = "io.micrometer.tracing.Tracer")
public final class ChapkitUntracedObservationsAutoConfiguration {

    /** The name of Spring's servlet server request observation. */
    static final String SERVER_REQUESTS = "http.server.requests";

    @Bean
    @ConditionalOnMissingBean(name = "chapkitUntracedServerRequests")
    ObservationPredicate chapkitUntracedServerRequests() {
        return (name, context) -> !SERVER_REQUESTS.equals(name);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SecurityObservationSettings.class)
    static class NoSecurityObservations {

        @Bean
        @ConditionalOnMissingBean
        SecurityObservationSettings chapkitUntracedSecurityObservationSettings() {
            return SecurityObservationSettings.noObservations();
        }
    }
}
