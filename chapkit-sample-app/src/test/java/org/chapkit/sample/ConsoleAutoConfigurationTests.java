package org.chapkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.chapkit.apps.BundledApp;
import org.chapkit.apps.StaticAppRegistry;
import org.chapkit.autoconfigure.apps.ChapkitAppsAutoConfiguration;
import org.chapkit.autoconfigure.console.ChapkitConsoleAutoConfiguration;
import org.chapkit.console.ChapkitConsole;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** The console is mounted when {@code chapkit-console} is present, takes {@code /}, and can be switched off. */
class ConsoleAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(ChapkitConsoleAutoConfiguration.class, ChapkitAppsAutoConfiguration.class));

    @Test
    void theConsoleIsMountedAtConsoleAndSendsRootToIt() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(BundledApp.class);
            assertThat(names(context.getBean(StaticAppRegistry.class)))
                    .containsExactly("/console Chapkit Console", "/ Chapkit Console (root)");
        });
    }

    @Test
    void withoutTheRedirectRootShowsTheBuiltInLandingPage() {
        runner.withPropertyValues("chapkit.console.landing-page=false")
                .run(context -> assertThat(names(context.getBean(StaticAppRegistry.class)))
                        .containsExactly("/console Chapkit Console", "/ Chapkit Landing Page"));
    }

    @Test
    void anAppOfTheApplicationsOwnAtConsoleReplacesIt() {
        runner.withPropertyValues(
                        "chapkit.apps.apps[0].location=" + ChapkitConsole.APP_LOCATION.replace("app/", "root/"),
                        "chapkit.apps.apps[0].prefix=/console")
                .run(context -> assertThat(names(context.getBean(StaticAppRegistry.class)))
                        .containsExactly("/console Chapkit Console (root)", "/ Chapkit Console (root)"));
    }

    @Test
    void theConsoleIsOffByPropertyOrWhenTheModuleIsAbsent() {
        runner.withPropertyValues("chapkit.console.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(BundledApp.class);
            assertThat(names(context.getBean(StaticAppRegistry.class))).containsExactly("/ Chapkit Landing Page");
        });
        runner.withClassLoader(new FilteredClassLoader(ChapkitConsole.class))
                .run(context -> assertThat(context).doesNotHaveBean(BundledApp.class));
        runner.withPropertyValues("chapkit.apps.landing-page=false")
                .run(context -> assertThat(names(context.getBean(StaticAppRegistry.class)))
                        .containsExactly("/console Chapkit Console"));
    }

    private static java.util.List<String> names(StaticAppRegistry registry) {
        return registry.apps().stream()
                .map(app -> app.manifest().prefix() + " " + app.manifest().name())
                .toList();
    }
}
