package org.chapkit.autoconfigure.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.observation.tracing.ConnectionTracingObservationHandler;
import net.ttddyy.observation.tracing.QueryTracingObservationHandler;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/** {@link ChapkitTracingAutoConfiguration}: on with a tracer, off by property, user beans replace chapkit's. */
class ChapkitTracingAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(DataSourceAutoConfiguration.class, ChapkitTracingAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2())
            .withBean(Tracer.class, () -> Tracer.NOOP)
            .withBean(Propagator.class, () -> Propagator.NOOP);

    @Test
    void withATracerChapkitLinksJobsTagsProblemsAndTracesJdbc() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasBean("chapkitJobAttemptLinkingHandler").hasBean("chapkitTraceIdFilter");
            assertThat(context).hasSingleBean(ConnectionWithoutSpanHandler.class);
            assertThat(context).hasSingleBean(QueryTracingObservationHandler.class);
            assertThat(context.getBean(DataSource.class)).isInstanceOf(ProxyDataSource.class);
            assertThat(context).doesNotHaveBean(SecurityObservationSettings.class);
        });
    }

    @Test
    void withoutATracerNothingChanges() {
        new WebApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(DataSourceAutoConfiguration.class, ChapkitTracingAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2())
                .run(context -> {
                    assertThat(context).doesNotHaveBean("chapkitTraceIdFilter");
                    assertThat(context.getBean(DataSource.class)).isNotInstanceOf(ProxyDataSource.class);
                });
    }

    @Test
    void switchedOffByProperties() {
        runner.withPropertyValues("chapkit.tracing.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("chapkitTraceIdFilter"));
        runner.withPropertyValues("chapkit.tracing.jdbc=false").run(context -> {
            assertThat(context).hasBean("chapkitTraceIdFilter").doesNotHaveBean("chapkitJdbcParentOnly");
            assertThat(context.getBean(DataSource.class)).isNotInstanceOf(ProxyDataSource.class);
        });
        runner.withPropertyValues("chapkit.tracing.security=false")
                .run(context -> assertThat(context).hasSingleBean(SecurityObservationSettings.class));
    }

    @Test
    void jdbcObservationsOnlyBelowARealOne() {
        runner.run(context -> {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig()
                    .observationHandler(observation -> true)
                    .observationPredicate(context.getBean("chapkitJdbcParentOnly", ObservationPredicate.class));
            assertThat(Observation.createNotStarted("jdbc.query", registry).isNoop())
                    .as("no parent: db-scheduler's polling")
                    .isTrue();
            Observation.createNotStarted("job.run", registry)
                    .observe(() -> assertThat(Observation.createNotStarted("jdbc.query", registry)
                                    .isNoop())
                            .isFalse());
        });
    }

    @Test
    void connectionSpansOnlyWhenAskedFor() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ConnectionWithoutSpanHandler.class);
            assertThat(context).doesNotHaveBean(ConnectionTracingObservationHandler.class);
        });
        runner.withPropertyValues("chapkit.tracing.jdbc-connections=true").run(context -> {
            assertThat(context).hasSingleBean(ConnectionTracingObservationHandler.class);
            assertThat(context).doesNotHaveBean(ConnectionWithoutSpanHandler.class);
        });
    }

    @Test
    void userBeansReplaceChapkits() {
        runner.withUserConfiguration(UserBeans.class).run(context -> {
            assertThat(context.getBean("chapkitJdbcParentOnly")).isSameAs(UserBeans.PREDICATE);
            assertThat(context.getBean(ConnectionTracingObservationHandler.class))
                    .isSameAs(context.getBean("userConnectionHandler"));
            assertThat(context.getBean(QueryTracingObservationHandler.class))
                    .isSameAs(context.getBean("userQueryHandler"));
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBeans {

        static final ObservationPredicate PREDICATE = (name, context) -> true;

        @Bean
        ObservationPredicate chapkitJdbcParentOnly() {
            return PREDICATE;
        }

        @Bean
        ConnectionTracingObservationHandler userConnectionHandler() {
            return new ConnectionTracingObservationHandler(Tracer.NOOP);
        }

        @Bean
        QueryTracingObservationHandler userQueryHandler() {
            return new QueryTracingObservationHandler(Tracer.NOOP);
        }
    }
}
