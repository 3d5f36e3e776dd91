package org.chapkit.autoconfigure.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.chapkit.mlflow.MlflowEventDestination;
import org.chapkit.mlflow.MlflowExportSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/**
 * When the MLflow destination exists (switched on, with chapkit's events, jobs and artifacts; the full case runs in
 * {@code MlflowExportTests}) and how its properties become the export's settings.
 */
class ChapkitMlflowAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ChapkitMlflowAutoConfiguration.class));

    @Test
    void isOffUnlessSwitchedOn() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MlflowEventDestination.class));
    }

    @Test
    void backsOffWithoutChapkitsEventsJobsAndArtifacts() {
        runner.withPropertyValues("chapkit.mlflow.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MlflowEventDestination.class));
    }

    @Test
    void theExperimentAndTheRegisteredModelAreNamedAfterTheServiceUnlessConfigured() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("chapkit.service.id", "malaria-forecast")
                .withProperty("chapkit.service.version", "2.0.1");

        MlflowExportSettings defaults = ChapkitMlflowAutoConfiguration.settings(
                properties("chapkit.mlflow.registry.enabled", "true"), environment);
        assertThat(defaults.experimentName()).isEqualTo("malaria-forecast");
        assertThat(defaults.registeredModel()).isEqualTo("malaria-forecast");
        assertThat(defaults.serviceVersion()).isEqualTo("2.0.1");
        assertThat(defaults.maxModelBytes()).isEqualTo(10L * 1024 * 1024);

        MlflowExportSettings configured = ChapkitMlflowAutoConfiguration.settings(
                properties(
                        "chapkit.mlflow.experiment-name", "forecasts",
                        "chapkit.mlflow.registry.enabled", "true",
                        "chapkit.mlflow.registry.model-name", "malaria"),
                environment);
        assertThat(configured.experimentName()).isEqualTo("forecasts");
        assertThat(configured.registeredModel()).isEqualTo("malaria");

        assertThat(ChapkitMlflowAutoConfiguration.settings(properties(), environment)
                        .registeredModel())
                .isNull();
    }

    private static ChapkitMlflowProperties properties(String... pairs) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("chapkit.mlflow", ChapkitMlflowProperties.class);
    }
}
