package org.chapkit.autoconfigure.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.chapkit.TestModelConfig;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.autoconfigure.RunnerAutoConfigurations;
import org.chapkit.autoconfigure.artifact.ChapkitArtifactAutoConfiguration;
import org.chapkit.config.ConfigDefinition;
import org.chapkit.config.ConfigManager;
import org.chapkit.config.ConfigType;
import org.chapkit.config.DefaultConfig;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the config and artifact auto-configurations choose the config type and back off. */
class ChapkitConfigAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2())
            .withConfiguration(RunnerAutoConfigurations.JDBC)
            .withConfiguration(AutoConfigurations.of(
                    ChapkitConfigAutoConfiguration.class, ChapkitArtifactAutoConfiguration.class));

    @Test
    void withoutADeclaredTypeTheReservedFieldsOnlyAreUsed() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ConfigManager.class).hasSingleBean(ArtifactManager.class);
            assertThat(context.getBean(ConfigType.class).type()).isEqualTo(DefaultConfig.class);
            assertThat(context.getBean(ConfigType.class).defaults().toString())
                    .isEqualTo("{\"prediction_periods\":3,\"additional_continuous_covariates\":[]}");
        });
    }

    @Test
    void thePropertyNamesTheConfigRecord() {
        runner.withPropertyValues("chapkit.config.type=org.chapkit.TestModelConfig")
                .run(context ->
                        assertThat(context.getBean(ConfigType.class).type()).isEqualTo(TestModelConfig.class));
    }

    @Test
    void aDefinitionBeanWins() {
        runner.withPropertyValues("chapkit.config.type=org.chapkit.config.DefaultConfig")
                .withUserConfiguration(UserDefinition.class)
                .run(context ->
                        assertThat(context.getBean(ConfigType.class).type()).isEqualTo(TestModelConfig.class));
    }

    @Test
    void anUnknownClassFailsTheStartWithItsName() {
        runner.withPropertyValues("chapkit.config.type=com.example.Missing")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("com.example.Missing"));
    }

    @Test
    void bothFeaturesCanBeSwitchedOff() {
        runner.withPropertyValues("chapkit.config.enabled=false", "chapkit.artifacts.enabled=false")
                .run(context -> assertThat(context)
                        .doesNotHaveBean(ConfigManager.class)
                        .doesNotHaveBean(ArtifactManager.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class UserDefinition {

        @Bean
        ConfigDefinition<TestModelConfig> modelConfig() {
            return ConfigDefinition.of(TestModelConfig.class);
        }
    }
}
