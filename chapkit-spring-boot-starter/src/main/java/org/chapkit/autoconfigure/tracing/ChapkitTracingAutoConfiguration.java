package org.chapkit.autoconfigure.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Set;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import net.ttddyy.observation.tracing.ConnectionTracingObservationHandler;
import net.ttddyy.observation.tracing.DataSourceObservationListener;
import net.ttddyy.observation.tracing.JdbcObservationDocumentation;
import net.ttddyy.observation.tracing.QueryTracingObservationHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Adapts chapkit to Spring Boot's tracing when the application has a tracer (Micrometer Tracing with a bridge, e.g.
 * {@code spring-boot-starter-opentelemetry}): late or retried job attempts link to their submitter's span, problems'
 * {@code trace_id} is the server span's trace id, and JDBC connections and statements inside a traced request or job
 * are spans (datasource-micrometer). The job and runner spans themselves need nothing here: chapkit reports them as
 * observations, which Boot's tracing handlers turn into spans. Switch off with {@code chapkit.tracing.enabled=false}.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration"
        })
@ConditionalOnClass(Tracer.class)
@ConditionalOnBean(Tracer.class)
@ConditionalOnBooleanProperty(name = "chapkit.tracing.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChapkitTracingProperties.class)
public final class ChapkitTracingAutoConfiguration {

    /** Before Boot's receiver handler (order 1000), which would otherwise start the attempt's trace unlinked. */
    private static final int LINKING_HANDLER_ORDER = 500;

    /** Right after Spring's server observation filter ({@code HIGHEST_PRECEDENCE + 1}), which opens the span. */
    private static final int TRACE_ID_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    @Bean
    @ConditionalOnBean(Propagator.class)
    @ConditionalOnMissingBean(name = "chapkitJobAttemptLinkingHandler")
    @Order(LINKING_HANDLER_ORDER)
    JobAttemptLinkingHandler chapkitJobAttemptLinkingHandler(Tracer tracer, Propagator propagator) {
        return new JobAttemptLinkingHandler(tracer, propagator);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnMissingBean(name = "chapkitTraceIdFilter")
    FilterRegistrationBean<TraceIdFilter> chapkitTraceIdFilter(Tracer tracer) {
        FilterRegistrationBean<TraceIdFilter> registration = new FilterRegistrationBean<>(new TraceIdFilter(tracer));
        registration.setOrder(TRACE_ID_FILTER_ORDER);
        registration.setName("chapkitTraceIdFilter");
        return registration;
    }

    /**
     * Without Spring Security's own spans ({@code chapkit.tracing.security=false}): its filter chain, authentication and
     * authorization observations are not made, so a request's server span has chapkit's spans as direct children.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "chapkit.tracing.security", havingValue = false)
    static class NoSecuritySpans {

        @Bean
        @ConditionalOnMissingBean
        SecurityObservationSettings chapkitSecurityObservationSettings() {
            return SecurityObservationSettings.noObservations();
        }
    }

    /**
     * JDBC statement spans (and connection spans, if asked for) through datasource-micrometer; only inside a traced
     * request or job (not db-scheduler's polling).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DataSourceObservationListener.class)
    @ConditionalOnBooleanProperty(name = "chapkit.tracing.jdbc", matchIfMissing = true)
    static class JdbcSpans {

        @Bean
        static BeanPostProcessor chapkitDataSourceObservation(ObjectProvider<ObservationRegistry> registry) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (!(bean instanceof DataSource dataSource) || bean instanceof ProxyDataSource) {
                        return bean;
                    }
                    DataSourceObservationListener listener = new DataSourceObservationListener(
                            () -> registry.getIfAvailable(() -> ObservationRegistry.NOOP));
                    // datasource-micrometer makes no statement spans without their connection's observation
                    listener.setSupportedTypes(
                            Set.of(JdbcObservationDocumentation.CONNECTION, JdbcObservationDocumentation.QUERY));
                    listener.setIncludeParameterValues(false);
                    return ProxyDataSourceBuilder.create(dataSource)
                            .name(beanName)
                            .listener(listener)
                            .methodListener(listener)
                            .build();
                }
            };
        }

        @Bean
        @ConditionalOnMissingBean(name = "chapkitJdbcParentOnly")
        ObservationPredicate chapkitJdbcParentOnly() {
            return (name, context) -> !name.startsWith("jdbc.") || hasRealParent(context);
        }

        /** A span per connection, its statements' spans below it ({@code chapkit.tracing.jdbc-connections=true}). */
        @Bean
        @Order(0)
        @ConditionalOnMissingBean
        @ConditionalOnBooleanProperty("chapkit.tracing.jdbc-connections")
        ConnectionTracingObservationHandler chapkitJdbcConnectionTracingHandler(Tracer tracer) {
            return new ConnectionTracingObservationHandler(tracer);
        }

        /** No span per connection (the default): statement spans sit right below the request's or job's span. */
        @Bean
        @Order(0)
        @ConditionalOnMissingBean(ConnectionTracingObservationHandler.class)
        @ConditionalOnBooleanProperty(
                name = "chapkit.tracing.jdbc-connections",
                havingValue = false,
                matchIfMissing = true)
        ConnectionWithoutSpanHandler chapkitJdbcConnectionWithoutSpanHandler(Tracer tracer) {
            return new ConnectionWithoutSpanHandler(tracer);
        }

        @Bean
        @Order(0)
        @ConditionalOnMissingBean
        QueryTracingObservationHandler chapkitJdbcQueryTracingHandler(Tracer tracer) {
            return new QueryTracingObservationHandler(tracer);
        }

        private static boolean hasRealParent(Observation.Context context) {
            ObservationView parent = context.getParentObservation();
            return parent != null && !(parent instanceof Observation observation && observation.isNoop());
        }
    }
}
