package org.chapkit.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bucket;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.swagger.v3.oas.models.OpenAPI;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.ttddyy.observation.tracing.DataSourceObservationListener;
import org.apache.catalina.startup.Tomcat;
import org.chapkit.autoconfigure.artifact.ChapkitArtifactAutoConfiguration;
import org.chapkit.autoconfigure.cluster.ChapkitClusterAutoConfiguration;
import org.chapkit.autoconfigure.config.ChapkitConfigAutoConfiguration;
import org.chapkit.autoconfigure.database.ChapkitDatabaseAutoConfiguration;
import org.chapkit.autoconfigure.format.ChapkitDataFormatAutoConfiguration;
import org.chapkit.autoconfigure.info.ServiceInfoAutoConfiguration;
import org.chapkit.autoconfigure.job.ChapkitJobsAutoConfiguration;
import org.chapkit.autoconfigure.metrics.ChapkitMetricsAutoConfiguration;
import org.chapkit.autoconfigure.metrics.ChapkitUntracedObservationsAutoConfiguration;
import org.chapkit.autoconfigure.ml.ChapkitMlAutoConfiguration;
import org.chapkit.autoconfigure.openapi.ChapkitOpenApiAutoConfiguration;
import org.chapkit.autoconfigure.security.ChapkitApiKeysAutoConfiguration;
import org.chapkit.autoconfigure.security.ChapkitAuditAutoConfiguration;
import org.chapkit.autoconfigure.security.ChapkitRateLimitAutoConfiguration;
import org.chapkit.autoconfigure.security.ChapkitSecurityAutoConfiguration;
import org.chapkit.autoconfigure.tomcat.ChapkitTomcatAutoConfiguration;
import org.chapkit.autoconfigure.tracing.ChapkitTracingAutoConfiguration;
import org.chapkit.autoconfigure.web.ChapkitWebAutoConfiguration;
import org.chapkit.config.DefaultConfig;
import org.chapkit.job.JobManager;
import org.chapkit.ml.data.TablesawFrames;
import org.chapkit.ml.format.DataFrameFormats;
import org.chapkit.ml.runner.FunctionalModelRunner;
import org.chapkit.ml.runner.ModelRunner;
import org.chapkit.test.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.ClassUtils;

/**
 * Every {@link ConditionalOnClass} of the starter, one case per class it names: with the library on the class path the
 * auto-configuration contributes its bean, and with the library hidden by a {@link FilteredClassLoader} it backs off
 * and the application still starts. {@link #everyConditionalOnClassHasACase} keeps the list complete: it reads every
 * registered auto-configuration, its nested configurations and their bean methods. The console's
 * marker class is not on this module's class path; its case is {@code ConsoleAutoConfigurationTests} in the sample app, which has the console.
 */
class MissingLibraryBackOffTests {

    private static final AutoConfigurations DATABASE = AutoConfigurations.of(
            DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class,
            JdbcClientAutoConfiguration.class,
            JacksonAutoConfiguration.class,
            ValidationAutoConfiguration.class,
            ChapkitDatabaseAutoConfiguration.class);

    private static final AutoConfigurations SECURITY = AutoConfigurations.of(
            SecurityAutoConfiguration.class,
            ServletWebSecurityAutoConfiguration.class,
            ChapkitWebAutoConfiguration.class,
            ChapkitApiKeysAutoConfiguration.class,
            ChapkitAuditAutoConfiguration.class,
            ChapkitRateLimitAutoConfiguration.class,
            ChapkitSecurityAutoConfiguration.class);

    /**
     * One auto-configuration (or nested configuration) and one class its {@code @ConditionalOnClass} names.
     *
     * @param owner the annotated class
     * @param hidden the class the case hides
     * @param probe a bean the owner contributes only when the class is present
     * @param runner an application in which the owner's other conditions hold
     */
    record Case(String owner, String hidden, String probe, WebApplicationContextRunner runner) {

        @Override
        public String toString() {
            return owner.substring(owner.lastIndexOf('.') + 1) + " without " + hidden;
        }
    }

    static Stream<Case> cases() {
        WebApplicationContextRunner database = base().withConfiguration(DATABASE);
        WebApplicationContextRunner chapkit = database.withConfiguration(AutoConfigurations.of(
                ChapkitWebAutoConfiguration.class,
                ServiceInfoAutoConfiguration.class,
                ChapkitConfigAutoConfiguration.class,
                ChapkitArtifactAutoConfiguration.class,
                ChapkitJobsAutoConfiguration.class));
        WebApplicationContextRunner security = database.withConfiguration(SECURITY)
                .withPropertyValues(
                        "chapkit.security.enabled=true",
                        "chapkit.security.rate-limit.enabled=true",
                        "chapkit.security.keys[0].name=admin-key",
                        "chapkit.security.keys[0].key=back-off-admin-key-0123456789abcdef",
                        "chapkit.security.keys[0].role=admin");
        WebApplicationContextRunner tracing = base().withConfiguration(
                        AutoConfigurations.of(ChapkitTracingAutoConfiguration.class))
                .withBean(Tracer.class, () -> Tracer.NOOP);
        String ml = ChapkitMlAutoConfiguration.class.getName() + "$OpenApi";
        String config = ChapkitConfigAutoConfiguration.class.getName() + "$OpenApi";
        return Stream.of(
                new Case(
                        ChapkitUntracedObservationsAutoConfiguration.class.getName() + "$NoSecurityObservations",
                        SecurityObservationSettings.class.getName(),
                        "chapkitUntracedSecurityObservationSettings",
                        base().withConfiguration(
                                        AutoConfigurations.of(ChapkitUntracedObservationsAutoConfiguration.class))),
                new Case(name(ChapkitDatabaseAutoConfiguration.class), name(Flyway.class), "chapkitSchema", database),
                new Case(
                        name(ChapkitJobsAutoConfiguration.class),
                        name(JobManager.class),
                        "chapkitJobManager",
                        database.withConfiguration(AutoConfigurations.of(
                                ChapkitWebAutoConfiguration.class, ChapkitJobsAutoConfiguration.class))),
                new Case(config, name(OpenApiCustomizer.class), "chapkitConfigSchemaOpenApiCustomizer", chapkit),
                new Case(
                        ml,
                        name(OpenApiCustomizer.class),
                        "chapkitMlOpenApiCustomizer",
                        chapkit.withConfiguration(AutoConfigurations.of(ChapkitMlAutoConfiguration.class))
                                .withUserConfiguration(Model.class)),
                new Case(
                        name(ChapkitMetricsAutoConfiguration.class),
                        name(PrometheusMeterRegistry.class),
                        "chapkitProcessMetrics",
                        base().withConfiguration(AutoConfigurations.of(ChapkitMetricsAutoConfiguration.class))),
                new Case(
                        name(ChapkitDataFormatAutoConfiguration.class),
                        name(DataFrameFormats.class),
                        "chapkitCsvFormat",
                        base().withConfiguration(AutoConfigurations.of(
                                JacksonAutoConfiguration.class, ChapkitDataFormatAutoConfiguration.class))),
                new Case(
                        name(ChapkitOpenApiAutoConfiguration.class),
                        name(OpenAPI.class),
                        "chapkitOpenApiAliasController",
                        base().withConfiguration(AutoConfigurations.of(
                                ValidationAutoConfiguration.class,
                                ServiceInfoAutoConfiguration.class,
                                ChapkitOpenApiAutoConfiguration.class))),
                new Case(
                        name(ChapkitClusterAutoConfiguration.class),
                        name(LockRegistryLeaderInitiator.class),
                        "chapkitClusterMembership",
                        database.withConfiguration(AutoConfigurations.of(ChapkitClusterAutoConfiguration.class))
                                .withPropertyValues("chapkit.cluster.enabled=true")),
                tomcat(name(Tomcat.class)),
                tomcat(name(TomcatConnectorCustomizer.class)),
                new Case(
                        name(ChapkitApiKeysAutoConfiguration.class),
                        name(SecurityFilterChain.class),
                        "chapkitApiKeyStore",
                        security),
                new Case(
                        name(ChapkitAuditAutoConfiguration.class),
                        name(SecurityFilterChain.class),
                        "chapkitAuditStore",
                        security),
                new Case(
                        name(ChapkitRateLimitAutoConfiguration.class),
                        name(SecurityFilterChain.class),
                        "chapkitRateLimiter",
                        security),
                new Case(
                        name(ChapkitRateLimitAutoConfiguration.class),
                        name(Bucket.class),
                        "chapkitRateLimiter",
                        security),
                new Case(
                        name(ChapkitSecurityAutoConfiguration.class),
                        name(SecurityFilterChain.class),
                        "chapkitCallers",
                        security),
                new Case(
                        name(ChapkitSecurityAutoConfiguration.class),
                        name(HttpSecurity.class),
                        "chapkitCallers",
                        security),
                new Case(
                        name(ChapkitTracingAutoConfiguration.class),
                        name(Tracer.class),
                        "chapkitTraceIdFilter",
                        tracing),
                new Case(
                        ChapkitTracingAutoConfiguration.class.getName() + "$JdbcSpans",
                        name(DataSourceObservationListener.class),
                        "chapkitJdbcParentOnly",
                        tracing));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void backsOffWhenTheLibraryIsMissing(Case backOff) {
        backOff.runner().run(context -> assertThat(context).hasNotFailed().hasBean(backOff.probe()));
        backOff.runner()
                .withClassLoader(new FilteredClassLoader(backOff.hidden()::equals))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(backOff.probe()));
    }

    @Test
    void everyConditionalOnClassHasACase() {
        Set<String> declared = new TreeSet<>();
        List<Class<?>> types = new ArrayList<>();
        for (String name :
                ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())) {
            if (!name.startsWith("org.chapkit.")) {
                continue;
            }
            Class<?> autoConfiguration =
                    ClassUtils.resolveClassName(name, getClass().getClassLoader());
            types.add(autoConfiguration);
            types.addAll(Arrays.asList(autoConfiguration.getDeclaredClasses()));
        }
        for (Class<?> type : types) {
            List<AnnotatedElement> elements = new ArrayList<>(List.of(type));
            elements.addAll(Arrays.asList(type.getDeclaredMethods()));
            for (AnnotatedElement element : elements) {
                ConditionalOnClass condition = element.getAnnotation(ConditionalOnClass.class);
                if (condition != null) {
                    String owner =
                            element instanceof Method method ? type.getName() + "#" + method.getName() : type.getName();
                    Arrays.stream(condition.value()).forEach(hidden -> declared.add(owner + " " + hidden.getName()));
                    Arrays.stream(condition.name()).forEach(hidden -> declared.add(owner + " " + hidden));
                }
            }
        }
        Set<String> covered = new TreeSet<>();
        cases().forEach(backOff -> covered.add(backOff.owner() + " " + backOff.hidden()));
        covered.add(
                "org.chapkit.autoconfigure.console.ChapkitConsoleAutoConfiguration org.chapkit.console.ChapkitConsole");

        assertThat(covered).isEqualTo(declared);
    }

    private static WebApplicationContextRunner base() {
        return new WebApplicationContextRunner()
                .withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2(), "chapkit.service.id=back-off");
    }

    private static Case tomcat(String hidden) {
        return new Case(
                name(ChapkitTomcatAutoConfiguration.class),
                hidden,
                "chapkitTomcatBuffersCustomizer",
                base().withConfiguration(AutoConfigurations.of(ChapkitTomcatAutoConfiguration.class)));
    }

    private static String name(Class<?> type) {
        return type.getName();
    }

    /** The trained model of the test runner. */
    record Level(double value) {}

    @Configuration(proxyBeanMethods = false)
    static class Model {

        @Bean
        ModelRunner<DefaultConfig, Level> levelRunner() {
            return FunctionalModelRunner.builder(DefaultConfig.class, Level.class)
                    .train((input, context) -> new Level(input.data().size()))
                    .predict((input, context) -> TablesawFrames.toTable(input.future()))
                    .build();
        }
    }
}
