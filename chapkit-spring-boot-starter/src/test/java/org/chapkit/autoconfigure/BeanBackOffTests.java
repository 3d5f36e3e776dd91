package org.chapkit.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.chapkit.apps.StaticAppRegistry;
import org.chapkit.apps.internal.StaticAppWebConfigurer;
import org.chapkit.autoconfigure.apps.ChapkitAppsAutoConfiguration;
import org.chapkit.autoconfigure.artifact.ChapkitArtifactAutoConfiguration;
import org.chapkit.autoconfigure.config.ChapkitConfigAutoConfiguration;
import org.chapkit.autoconfigure.config.ConfigSchemaOpenApiCustomizer;
import org.chapkit.autoconfigure.info.ServiceInfoAutoConfiguration;
import org.chapkit.autoconfigure.job.ChapkitJobsAutoConfiguration;
import org.chapkit.autoconfigure.metrics.ChapkitMetricsAutoConfiguration;
import org.chapkit.autoconfigure.openapi.ChapkitOpenApiAutoConfiguration;
import org.chapkit.autoconfigure.openapi.OpenApiAliasController;
import org.chapkit.autoconfigure.schedule.ChapkitScheduleAutoConfiguration;
import org.chapkit.autoconfigure.task.ChapkitTaskAutoConfiguration;
import org.chapkit.autoconfigure.taskrun.ChapkitTaskRunAutoConfiguration;
import org.chapkit.autoconfigure.web.ChapkitWebAutoConfiguration;
import org.chapkit.autoconfigure.web.RequestSizeExemption;
import org.chapkit.config.ConfigManager;
import org.chapkit.config.ConfigType;
import org.chapkit.job.RecurringWork;
import org.chapkit.metrics.internal.HttpServerMetricsFilter;
import org.chapkit.task.BeanTaskParameterResolver;
import org.chapkit.task.InvocationContextParameterResolver;
import org.chapkit.taskrun.ConfigParameterResolver;
import org.chapkit.taskrun.ServiceParameterResolver;
import org.chapkit.test.TestDatabases;
import org.chapkit.web.RequestIdFilter;
import org.chapkit.web.internal.RequestSizeLimitFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every chapkit bean a user may want to replace backs off when the user declares one: by type for single beans, by
 * the chapkit bean's name for contributions of which several may exist (parameter resolvers, recurring work, size
 * exemptions).
 */
class BeanBackOffTests {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    ChapkitWebAutoConfiguration.class,
                    ChapkitAppsAutoConfiguration.class,
                    ServiceInfoAutoConfiguration.class,
                    ChapkitOpenApiAutoConfiguration.class,
                    ChapkitMetricsAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    private final WebApplicationContextRunner stores = new WebApplicationContextRunner()
            .withConfiguration(RunnerAutoConfigurations.JDBC)
            .withConfiguration(AutoConfigurations.of(
                    ChapkitWebAutoConfiguration.class,
                    ChapkitConfigAutoConfiguration.class,
                    ChapkitArtifactAutoConfiguration.class,
                    ChapkitJobsAutoConfiguration.class,
                    ChapkitTaskAutoConfiguration.class,
                    ChapkitScheduleAutoConfiguration.class,
                    ChapkitTaskRunAutoConfiguration.class))
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void webBeansAreChapkitsByDefault() {
        web.run(context -> {
            assertThat(context).hasSingleBean(StaticAppWebConfigurer.class);
            assertThat(context).hasSingleBean(OpenApiAliasController.class);
            assertThat(context).hasBean("chapkitHttpServerMetricsFilter");
            assertThat(context).hasBean("chapkitRequestIdFilter").hasBean("chapkitRequestSizeLimitFilter");
        });
    }

    @Test
    void userWebBeansReplaceChapkits() {
        web.withUserConfiguration(OwnWebBeans.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBean(StaticAppWebConfigurer.class).isSameAs(OwnWebBeans.APPS);
            assertThat(context).getBean(OpenApiAliasController.class).isSameAs(OwnWebBeans.ALIAS);
            assertThat(context).doesNotHaveBean("chapkitHttpServerMetricsFilter");
            assertThat(context).hasBean("ownMetricsFilter");
            assertThat(context).doesNotHaveBean("chapkitRequestIdFilter").hasBean("ownRequestIdFilter");
            assertThat(context).doesNotHaveBean("chapkitRequestSizeLimitFilter");
            assertThat(context).getBean(RequestSizeLimitFilter.class).isSameAs(OwnWebBeans.SIZE_LIMIT);
        });
    }

    @Test
    void storeBackedContributionsAreChapkitsByDefault() {
        stores.withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(ConfigSchemaOpenApiCustomizer.class);
                    assertThat(context).hasSingleBean(BeanTaskParameterResolver.class);
                    assertThat(context)
                            .hasBean("chapkitJobContextParameterResolver")
                            .hasBean("chapkitArtifactManagerParameterResolver")
                            .hasBean("chapkitConfigManagerParameterResolver")
                            .hasBean("chapkitConfigParameterResolver")
                            .hasBean("chapkitScheduleFiring")
                            .hasBean("chapkitArtifactContentUploadExemption");
                });
    }

    @Test
    void userStoreBackedBeansReplaceChapkitsOneByOne() {
        stores.withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2())
                .withUserConfiguration(OwnStoreBackedBeans.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ConfigSchemaOpenApiCustomizer.class))
                            .isSameAs(context.getBean("ownConfigSchemaCustomizer"));
                    assertThat(context.getBean(BeanTaskParameterResolver.class))
                            .isSameAs(context.getBean("ownBeanTaskParameterResolver"));
                    assertThat(context.getBean("chapkitScheduleFiring", RecurringWork.class)
                                    .name())
                            .isEqualTo("own-firing");
                    assertThat(context.getBean("chapkitJobContextParameterResolver"))
                            .isSameAs(OwnStoreBackedBeans.JOB_CONTEXT);
                    assertThat(context.getBean("chapkitArtifactContentUploadExemption"))
                            .isSameAs(OwnStoreBackedBeans.NO_EXEMPTION);
                    assertThat(context.getBeansOfType(ServiceParameterResolver.class))
                            .containsOnlyKeys(
                                    "chapkitArtifactManagerParameterResolver", "chapkitConfigManagerParameterResolver");
                    assertThat(context.getBeansOfType(ConfigParameterResolver.class))
                            .containsOnlyKeys("chapkitConfigParameterResolver");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnWebBeans {

        static final StaticAppWebConfigurer APPS =
                new StaticAppWebConfigurer(new StaticAppRegistry(java.util.List.of(), null));

        static final OpenApiAliasController ALIAS = new OpenApiAliasController("/docs.json", "/docs.html");

        @Bean
        StaticAppWebConfigurer ownStaticAppWebConfigurer() {
            return APPS;
        }

        @Bean
        OpenApiAliasController ownOpenApiAliasController() {
            return ALIAS;
        }

        static final RequestSizeLimitFilter SIZE_LIMIT = new RequestSizeLimitFilter(1024, request -> false, null);

        @Bean
        FilterRegistrationBean<RequestIdFilter> ownRequestIdFilter() {
            return new FilterRegistrationBean<>(new RequestIdFilter());
        }

        /** A filter bean, not a registration: Boot registers it, and chapkit's backs off all the same. */
        @Bean
        RequestSizeLimitFilter ownRequestSizeLimitFilter() {
            return SIZE_LIMIT;
        }

        @Bean
        FilterRegistrationBean<HttpServerMetricsFilter> ownMetricsFilter(MeterRegistry registry) {
            return new FilterRegistrationBean<>(new HttpServerMetricsFilter(registry));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnStoreBackedBeans {

        static final InvocationContextParameterResolver JOB_CONTEXT = new InvocationContextParameterResolver(Set.of());

        static final RequestSizeExemption NO_EXEMPTION = request -> false;

        @Bean
        ConfigSchemaOpenApiCustomizer ownConfigSchemaCustomizer(ConfigType<?> type) {
            return new ConfigSchemaOpenApiCustomizer(type);
        }

        @Bean
        BeanTaskParameterResolver ownBeanTaskParameterResolver(ListableBeanFactory beans) {
            return new BeanTaskParameterResolver(beans, Set.of());
        }

        @Bean
        RecurringWork chapkitScheduleFiring() {
            return new RecurringWork("own-firing", Duration.ofHours(1), () -> {});
        }

        @Bean
        InvocationContextParameterResolver chapkitJobContextParameterResolver() {
            return JOB_CONTEXT;
        }

        @Bean
        RequestSizeExemption chapkitArtifactContentUploadExemption() {
            return NO_EXEMPTION;
        }

        @Bean
        ConfigParameterResolver chapkitConfigParameterResolver(ConfigManager<?> configs) {
            return new ConfigParameterResolver(configs);
        }
    }
}
