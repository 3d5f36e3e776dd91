package org.chapkit.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.chapkit.apps.StaticAppRegistry;
import org.chapkit.apps.internal.StaticAppWebConfigurer;
import org.chapkit.autoconfigure.apps.ChapkitAppsAutoConfiguration;
import org.chapkit.autoconfigure.health.ChapkitHealthAutoConfiguration;
import org.chapkit.autoconfigure.system.ChapkitSystemAutoConfiguration;
import org.chapkit.autoconfigure.web.ChapkitWebAutoConfiguration;
import org.chapkit.health.HealthReporter;
import org.chapkit.health.HealthStatus;
import org.chapkit.health.internal.HealthController;
import org.chapkit.system.internal.SystemController;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every piece of the service surface can be switched off, and user beans replace chapkit's. */
class SurfaceSwitchesTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    HealthContributorRegistryAutoConfiguration.class,
                    ChapkitWebAutoConfiguration.class,
                    ChapkitAppsAutoConfiguration.class,
                    ChapkitSystemAutoConfiguration.class,
                    ChapkitHealthAutoConfiguration.class));

    @Test
    void everythingIsOnByDefault() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(HealthController.class);
            assertThat(context).hasSingleBean(SystemController.class);
            assertThat(context).hasSingleBean(StaticAppWebConfigurer.class);
            assertThat(context.getBean(StaticAppRegistry.class).apps()).hasSize(1);
        });
    }

    @Test
    void healthAndSystemCanBeSwitchedOff() {
        runner.withPropertyValues("chapkit.health.enabled=false", "chapkit.system.enabled=false")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(HealthController.class);
                    assertThat(context).doesNotHaveBean(SystemController.class);
                });
    }

    @Test
    void appsAndLandingPageCanBeSwitchedOff() {
        runner.withPropertyValues("chapkit.apps.landing-page=false")
                .run(context -> assertThat(
                                context.getBean(StaticAppRegistry.class).apps())
                        .isEmpty());
        runner.withPropertyValues("chapkit.apps.enabled=false")
                .run(context -> assertThat(
                                context.getBean(StaticAppRegistry.class).apps())
                        .isEmpty());
    }

    @Test
    void aMisconfiguredAppFailsStartupNamingIt() {
        runner.withPropertyValues("chapkit.apps.apps[0].location=classpath:does/not/exist/")
                .run(context ->
                        assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("does/not/exist"));
    }

    @Test
    void userHealthReporterReplacesTheActuatorAdapter() {
        runner.withUserConfiguration(OwnReporter.class)
                .run(context -> assertThat(
                                context.getBean(HealthReporter.class).report().checks())
                        .containsKey("custom"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnReporter {

        @Bean
        HealthReporter reporter() {
            return () -> HealthStatus.of(java.util.Map.of("custom", org.chapkit.health.CheckResult.healthy()));
        }
    }
}
