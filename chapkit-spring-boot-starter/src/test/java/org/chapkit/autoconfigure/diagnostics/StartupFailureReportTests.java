package org.chapkit.autoconfigure.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.config.BaseConfig;
import org.chapkit.config.ConfigDefault;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.runner.Future;
import org.chapkit.ml.runner.Historic;
import org.chapkit.ml.runner.Predict;
import org.chapkit.ml.runner.Train;
import org.chapkit.task.Task;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Every start-up failure chapkit can diagnose ends in Spring Boot's "APPLICATION FAILED TO START" report with a
 * description and an action naming the property or annotation to change, instead of a long stack trace. Each test
 * starts a real application, so the analyzers' registration and their precedence over Spring Boot's generic ones are
 * part of what is proved.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTests {

    @Test
    void anUnknownConfigTypeNamesTheProperty(CapturedOutput output) {
        startFails(NoModel.class, "--chapkit.config.type=com.example.Missing");

        assertThat(report(output))
                .contains("The property chapkit.config.type is 'com.example.Missing', which chapkit cannot use: Config"
                        + " type com.example.Missing not found on the class path.")
                .contains("Set chapkit.config.type to the fully qualified name of your config record");
    }

    @Test
    void aConfigTypeThatIsNoConfigRecordNamesTheProperty(CapturedOutput output) {
        startFails(NoModel.class, "--chapkit.config.type=java.lang.String");

        assertThat(report(output))
                .contains("Config type java.lang.String must implement org.chapkit.config.BaseConfig")
                .contains("Set chapkit.config.type to the fully qualified name of your config record");
    }

    @Test
    void aRunnerParameterOfTheConfigTypeWithoutChapkitConfigTypeSaysToSetIt(CapturedOutput output) {
        startFails(OneModel.class);

        assertThat(report(output))
                .contains("The model runner cannot be set up: Cannot inject parameter 'config'")
                .contains("chapkit.config.type, now not set")
                .contains("set chapkit.config.type to its fully qualified name");
    }

    @Test
    void aRunnerParameterThatCannotBeInjectedNamesTheInjectableTypes(CapturedOutput output) {
        startFails(UninjectableModelApp.class);

        assertThat(report(output))
                .contains("The model runner cannot be set up: Cannot inject parameter 'label'")
                .contains("Change that parameter of the runner method to a type chapkit injects")
                .contains("InjectionResolver");
    }

    @Test
    void twoRunnerBeansAreNamedWithTheWayToChoose(CapturedOutput output) {
        startFails(TwoModels.class, "--chapkit.config.type=" + ModelConfig.class.getName());

        assertThat(report(output))
                .contains("A chapkit service serves one model, but 2 beans have @Train and @Predict methods:")
                .contains("firstModel")
                .contains("secondModel")
                .contains("declare a ModelRunner bean");
    }

    @Test
    void theReadmesScheduledTaskWithARequiredParameterIsExplained(CapturedOutput output) {
        startFails(ScheduledWithRequiredParameter.class);

        assertThat(report(output))
                .contains("The schedule declared by task 'purge-old' is invalid:")
                .contains("Fix @Task(name = \"purge-old\", cron = ..., fixedInterval = ...)")
                .contains("every parameter of a scheduled task must be optional");
    }

    @Test
    void aTaskNameClashNamesBothMethodsAndTheAttribute(CapturedOutput output) {
        startFails(ClashingTasks.class);

        assertThat(report(output))
                .contains("A task cannot be registered: Duplicate task name 'cleanup'")
                .contains("Give each task a name of its own with @Task(name = \"...\")");
    }

    @Test
    void anUnreachableDatabaseNamesTheDatasourceProperties(CapturedOutput output) {
        startFails(
                NoModel.class,
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/chapkit",
                "--spring.datasource.username=chapkit");

        assertThat(report(output))
                .contains("Chapkit cannot connect to the database at jdbc:postgresql://127.0.0.1:1/chapkit to create or"
                        + " migrate its tables")
                .contains("spring.datasource.url, spring.datasource.username and spring.datasource.password")
                .contains("add com.h2database:h2");
    }

    @Test
    void aDatabaseSchemaThatIsNoPlainIdentifierNamesTheProperty(CapturedOutput output) {
        startFails(NoModel.class, "--chapkit.database.schema=chapkit; DROP TABLE x");

        assertThat(report(output))
                .contains("Binding to target")
                .contains("Property: chapkit.database.schema")
                .contains("must be a plain SQL identifier: letters, digits and '_', not starting with a digit")
                .contains("Update your application's configuration");
    }

    @Test
    void aSpringBootOlderThanTheSupportedLineFailsWithOneParagraph() {
        assertThatThrownBy(() -> SpringBootVersionGuard.check("4.0.0"))
                .isInstanceOfSatisfying(UnsupportedSpringBootVersionException.class, ex -> {
                    FailureAnalysis analysis = new UnsupportedSpringBootVersionFailureAnalyzer().analyze(ex);
                    assertThat(analysis.getDescription())
                            .isEqualTo("Chapkit for Java supports Spring Boot 4.1.x (4.1.0 or newer; built and tested"
                                    + " with 4.1.2), but this application runs on Spring Boot 4.0.0. On an older Spring"
                                    + " Boot the starter compiles and then fails at start-up with errors such as"
                                    + " NoSuchMethodError, so it stops here instead.");
                    assertThat(analysis.getAction()).contains("org.chapkit:chapkit-bom");
                });
        assertThatThrownBy(() -> SpringBootVersionGuard.check("3.5.7"))
                .isInstanceOf(UnsupportedSpringBootVersionException.class);
    }

    @Test
    void theSupportedAndNewerSpringBootVersionsPass() {
        SpringBootVersionGuard.check("4.1.0");
        SpringBootVersionGuard.check("4.1.2");
        SpringBootVersionGuard.check("4.2.0-M1");
        SpringBootVersionGuard.check("5.0.0");
        SpringBootVersionGuard.check(null);
    }

    private static void startFails(Class<?> application, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.config.name=no-application-properties",
                "--chapkit.database.warn-in-memory=false",
                "--spring.main.banner-mode=off"));
        all.addAll(List.of(args));
        if (all.stream().noneMatch(arg -> arg.startsWith("--spring.datasource.url="))) {
            all.add("--spring.datasource.url=" + TestDatabases.freshH2());
        }
        assertThatThrownBy(() -> new SpringApplicationBuilder(application).run(all.toArray(String[]::new)))
                .isInstanceOf(Exception.class);
    }

    private static String report(CapturedOutput output) {
        String text = output.getOut() + output.getErr();
        int start = text.indexOf("APPLICATION FAILED TO START");
        assertThat(start).as("a failure report in:%n%s", text).isNotNegative();
        return text.substring(start).replaceAll("\\s+", " ");
    }

    /** A config record for the runner beans. */
    public record ModelConfig(
            @ConfigDefault("3") int predictionPeriods,
            @ConfigDefault("[]") List<String> additionalContinuousCovariates) implements BaseConfig {}

    /** What a runner trains. */
    public record Fit(int rows) {}

    /** A well-formed runner. */
    public static class Model {

        @Train
        public Fit train(ModelConfig config, DataFrame data) {
            return new Fit(data.size());
        }

        @Predict
        public DataFrame predict(Fit model, @Historic DataFrame historic, @Future DataFrame future) {
            return future;
        }
    }

    /** A runner whose train method asks for something nobody supplies. */
    public static class UninjectableModel {

        @Train
        public Fit train(DataFrame data, String label) {
            return new Fit(data.size());
        }

        @Predict
        public DataFrame predict(Fit model, @Historic DataFrame historic, @Future DataFrame future) {
            return future;
        }
    }

    /** The README's task: a cron schedule on a task whose parameter is required. */
    public static class ReadmeTasks {

        @Task(name = "purge-old", description = "Deletes old artifacts", cron = "0 30 3 * * *")
        public Map<String, Object> purge(@Min(1) int olderThanDays, ArtifactManager artifacts) {
            return Map.of("older_than_days", olderThanDays);
        }
    }

    /** Two tasks of one name. */
    public static class FirstTasks {

        @Task(name = "cleanup")
        public void cleanup() {}
    }

    /** Two tasks of one name. */
    public static class SecondTasks {

        @Task(name = "cleanup")
        public void cleanUp() {}
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class NoModel {}

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Model.class)
    static class OneModel {}

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(UninjectableModel.class)
    static class UninjectableModelApp {}

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TwoModels {

        @Bean
        Model firstModel() {
            return new Model();
        }

        @Bean
        Model secondModel() {
            return new Model();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ReadmeTasks.class)
    static class ScheduledWithRequiredParameter {}

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({FirstTasks.class, SecondTasks.class})
    static class ClashingTasks {}
}
