package org.chapkit.autoconfigure.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.chapkit.autoconfigure.artifact.ChapkitArtifactAutoConfiguration;
import org.chapkit.autoconfigure.config.ChapkitConfigAutoConfiguration;
import org.chapkit.autoconfigure.database.ChapkitDatabaseAutoConfiguration;
import org.chapkit.autoconfigure.info.ServiceInfoAutoConfiguration;
import org.chapkit.autoconfigure.job.ChapkitJobsAutoConfiguration;
import org.chapkit.autoconfigure.web.ChapkitWebAutoConfiguration;
import org.chapkit.config.DefaultConfig;
import org.chapkit.info.ModelMetadata;
import org.chapkit.info.PeriodType;
import org.chapkit.info.ServiceInfo;
import org.chapkit.job.JobManager;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.data.TablesawFrames;
import org.chapkit.ml.inference.ModelCache;
import org.chapkit.ml.inference.SyncPredictor;
import org.chapkit.ml.registry.ModelRegistry;
import org.chapkit.ml.registry.RegisteredModel;
import org.chapkit.ml.registry.internal.ModelRegistryController;
import org.chapkit.ml.runner.AnnotatedModelRunner;
import org.chapkit.ml.runner.FunctionalModelRunner;
import org.chapkit.ml.runner.ModelRunner;
import org.chapkit.ml.runner.Predict;
import org.chapkit.ml.runner.Train;
import org.chapkit.ml.service.MlController;
import org.chapkit.ml.service.MlManager;
import org.chapkit.ml.service.MlWorkflow;
import org.chapkit.ml.shell.ConfigFormat;
import org.chapkit.ml.shell.ShellModelRunner;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import tech.tablesaw.api.Table;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which model runner the ML auto-configuration picks, its properties and switches, and what stops start-up.
 *
 * <p>{@link ChapkitMlAutoConfiguration} needs {@link JobManager}, {@code ArtifactManager}, {@code ConfigManager}
 * and {@link ServiceInfo} beans. The first three need a {@code DataSource}, chapkit's schema (Flyway), a
 * {@code JdbcClient} and a transaction manager, hence the JDBC auto-configurations below. {@link ServiceInfo} comes from {@link
 * ServiceInfoAutoConfiguration}, which is servlet-only: in a plain {@link ApplicationContextRunner} there is no
 * {@code ServiceInfo}, so the ML auto-configuration silently backs off — use a {@link WebApplicationContextRunner}
 * or declare a {@code ServiceInfo} bean ({@link #withoutAWebApplicationTheServiceInfoMustComeFromTheApplication}).
 */
class ChapkitMlAutoConfigurationTests {

    private static final AutoConfigurations CHAPKIT = AutoConfigurations.of(
            DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class,
            JdbcClientAutoConfiguration.class,
            JacksonAutoConfiguration.class,
            ValidationAutoConfiguration.class,
            ChapkitWebAutoConfiguration.class,
            ChapkitDatabaseAutoConfiguration.class,
            ServiceInfoAutoConfiguration.class,
            ChapkitConfigAutoConfiguration.class,
            ChapkitArtifactAutoConfiguration.class,
            ChapkitJobsAutoConfiguration.class,
            ChapkitMlAutoConfiguration.class);

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(CHAPKIT)
            .withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2());

    @Test
    void theOneAnnotatedBeanBecomesTheRunnerWithTheDefaultProperties() {
        runner.withUserConfiguration(AnnotatedModel.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ModelRunner.class)).isInstanceOf(AnnotatedModelRunner.class);
            assertThat(context.getBean(ModelRunner.class).configType()).isEqualTo(DefaultConfig.class);
            assertThat(context)
                    .hasSingleBean(MlWorkflow.class)
                    .hasSingleBean(MlManager.class)
                    .hasSingleBean(MlController.class);
            assertThat(context.getBean(JobManager.class).jobTypes())
                    .contains(MlWorkflow.TRAIN_JOB, MlWorkflow.PREDICT_JOB);
            ChapkitMlProperties properties = context.getBean(ChapkitMlProperties.class);
            assertThat(properties.enabled()).isTrue();
            assertThat(properties.shell().defined()).isFalse();
            assertThat(properties.shell().configFormat()).isEqualTo(ConfigFormat.FLAT);
            assertThat(properties.shell().timeout()).isNull();
            assertThat(properties.shell().projectRoot()).isNull();
            assertThat(properties.shell().tempDir()).isNull();
        });
    }

    @Test
    void aModelRunnerBeanWinsOverAnAnnotatedBean() {
        runner.withUserConfiguration(FunctionalModel.class, AnnotatedModel.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(ModelRunner.class);
                    assertThat(context.getBean(MlWorkflow.class).runner())
                            .isSameAs(context.getBean("functionalRunner"));
                });
    }

    @Test
    void shellPropertiesDefineAShellRunnerAndBindEverySetting() {
        runner.withUserConfiguration(AnnotatedModel.class)
                .withPropertyValues(
                        "chapkit.ml.shell.train-command=python3 train.py --data {data_file}",
                        "chapkit.ml.shell.predict-command=python3 predict.py --future {future_file}"
                                + " --output {output_file}",
                        "chapkit.ml.shell.project-root=/srv/model",
                        "chapkit.ml.shell.config-format=chap-core",
                        "chapkit.ml.shell.timeout=90s",
                        "chapkit.ml.shell.temp-dir=/var/tmp/chapkit")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ModelRunner.class)).isInstanceOf(ShellModelRunner.class);
                    ChapkitMlProperties.Shell shell =
                            context.getBean(ChapkitMlProperties.class).shell();
                    assertThat(shell.defined()).isTrue();
                    assertThat(shell.projectRoot()).isEqualTo(Path.of("/srv/model"));
                    assertThat(shell.configFormat()).isEqualTo(ConfigFormat.CHAP_CORE);
                    assertThat(shell.timeout()).isEqualTo(Duration.ofSeconds(90));
                    assertThat(shell.tempDir()).isEqualTo(Path.of("/var/tmp/chapkit"));
                });
        // Alone, without any runner bean: the properties switch the ML service on.
        runner.withPropertyValues(
                        "chapkit.ml.shell.train-command=python3 train.py --data {data_file}",
                        "chapkit.ml.shell.predict-command=python3 predict.py --output {output_file}")
                .run(context -> assertThat(context.getBean(ModelRunner.class)).isInstanceOf(ShellModelRunner.class));
    }

    @Test
    void aShellTrainCommandWithoutAPredictCommandStopsStartUp() {
        runner.withPropertyValues("chapkit.ml.shell.train-command=python3 train.py --data {data_file}")
                .run(context -> assertThat(failureMessages(context))
                        .contains("chapkit.ml.shell.predict-command is required when"
                                + " chapkit.ml.shell.train-command is set"));
    }

    @Test
    void withoutARunnerTheMlServiceIsAbsentAndTheRestStarts() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context)
                    .doesNotHaveBean(ModelRunner.class)
                    .doesNotHaveBean(MlWorkflow.class)
                    .doesNotHaveBean(MlController.class)
                    .hasSingleBean(JobManager.class);
            assertThat(context.getBean(JobManager.class).jobTypes())
                    .doesNotContain(MlWorkflow.TRAIN_JOB, MlWorkflow.PREDICT_JOB);
        });
    }

    @Test
    void twoAnnotatedBeansStopStartUpNamingBoth() {
        runner.withUserConfiguration(AnnotatedModel.class, SecondAnnotatedModel.class)
                .run(context -> assertThat(failureMessages(context))
                        .contains("Expected exactly one bean with @Train and @Predict methods, found [levelModel,"
                                + " otherLevelModel]")
                        .contains("declare a ModelRunner bean to choose"));
    }

    @Test
    void theSwitchTurnsTheMlServiceOff() {
        runner.withUserConfiguration(AnnotatedModel.class)
                .withPropertyValues("chapkit.ml.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context)
                            .doesNotHaveBean(ModelRunner.class)
                            .doesNotHaveBean(MlWorkflow.class)
                            .doesNotHaveBean(MlController.class);
                });
        // The ML service also needs the job system: without it there is nowhere to run train/predict.
        runner.withUserConfiguration(AnnotatedModel.class)
                .withPropertyValues("chapkit.jobs.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MlWorkflow.class));
    }

    @Test
    void theModelRegistryIsOnByDefaultNamedAfterTheServiceSwitchableAndReplaceable() {
        runner.withUserConfiguration(AnnotatedModel.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ModelRegistryController.class);
            ModelRegistry registry = context.getBean(ModelRegistry.class);
            assertThat(context.getBean(MlWorkflow.class).registry()).containsSame(registry);
            assertThat(registry.models()).extracting(RegisteredModel::name).containsExactly(registry.defaultModel());
            ChapkitModelsProperties properties = context.getBean(ChapkitModelsProperties.class);
            assertThat(properties.cache().maxModels()).isEqualTo(8);
            assertThat(properties.cache().maxSize()).isEqualTo(DataSize.ofMegabytes(256));
        });
        runner.withUserConfiguration(AnnotatedModel.class)
                .withPropertyValues("chapkit.ml.models.default-model=forecaster")
                .run(context -> assertThat(context.getBean(ModelRegistry.class).defaultModel())
                        .isEqualTo("forecaster"));
        runner.withUserConfiguration(AnnotatedModel.class)
                .withPropertyValues("chapkit.ml.models.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(ModelRegistry.class);
                    assertThat(context.getBean(MlWorkflow.class).registry()).isEmpty();
                });
        runner.withUserConfiguration(AnnotatedModel.class, OwnRegistry.class)
                .run(context ->
                        assertThat(context.getBean(ModelRegistry.class)).isSameAs(context.getBean("ownRegistry")));
        runner.withUserConfiguration(AnnotatedModel.class, OwnCache.class).run(context -> {
            assertThat(context.getBean(ModelCache.class)).isSameAs(context.getBean("ownCache"));
            assertThat(context.getBean(SyncPredictor.class).cache()).isSameAs(context.getBean("ownCache"));
        });
        assertThat(ModelRegistryConfiguration.slug("Chapkit Sample Forecaster!"))
                .isEqualTo("chapkit-sample-forecaster");
        assertThat(ModelRegistryConfiguration.slug("???")).isEqualTo("default");
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnCache {
        @Bean
        ModelCache ownCache() {
            return new ModelCache(1, 1024, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistry {
        @Bean
        ModelRegistry ownRegistry(JdbcClient jdbc, PlatformTransactionManager transactions) {
            return new ModelRegistry(
                    jdbc,
                    JsonMapper.builder().build(),
                    new TransactionTemplate(transactions),
                    Clock.systemUTC(),
                    "own");
        }
    }

    @Test
    void aParameterNoOneCanSupplyStopsStartUpNamingIt() {
        runner.withUserConfiguration(UnsatisfiableModel.class)
                .run(context -> assertThat(failureMessages(context))
                        .contains("Cannot inject parameter 'clock' (java.time.Clock) of Unsatisfiable.predict")
                        .contains("no InjectionResolver supplies it"));
    }

    @Test
    void aRunnerForAnotherConfigRecordStopsStartUp() {
        runner.withUserConfiguration(OtherConfigRunner.class)
                .run(context -> assertThat(failureMessages(context))
                        .contains("does not accept the service's config record " + DefaultConfig.class.getName()));
    }

    @Test
    void withoutAWebApplicationTheServiceInfoMustComeFromTheApplication() {
        ApplicationContextRunner plain = new ApplicationContextRunner()
                .withConfiguration(CHAPKIT)
                .withBean(Clock.class, Clock::systemUTC)
                .withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2())
                .withUserConfiguration(AnnotatedModel.class);
        plain.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(ServiceInfo.class);
            assertThat(context).hasSingleBean(JobManager.class).doesNotHaveBean(MlWorkflow.class);
        });
        plain.withBean(ServiceInfo.class, ChapkitMlAutoConfigurationTests::serviceInfo)
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .hasSingleBean(MlWorkflow.class)
                        .hasSingleBean(MlManager.class)
                        .doesNotHaveBean(MlController.class));
    }

    private static ServiceInfo serviceInfo() {
        return new ServiceInfo(
                "plain-service",
                "Plain Service",
                "1.0.0",
                null,
                new ModelMetadata(null, null, null, null, null, null, null, null, null),
                PeriodType.MONTHLY,
                0,
                100,
                false,
                List.of(),
                false);
    }

    /** Every message of the start-up failure's cause chain, for assertions on what the user reads. */
    private static String failureMessages(ApplicationContextAssertProvider<?> context) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    /** The trained model of the test runners. */
    record Level(double value) {}

    /** A config record other than the service's. */
    record OtherConfig(int predictionPeriods) {}

    /** An annotated runner: the mean of the training cases. */
    static class Forecaster {

        @Train
        public Level train(DefaultConfig config, DataFrame data) {
            return new Level(data.size());
        }

        @Predict
        public DataFrame predict(Level model, DataFrame historic, DataFrame future) {
            return future;
        }
    }

    /** Another annotated runner. */
    static class Unsatisfiable {

        @Train
        public Level train(DataFrame data) {
            return new Level(0);
        }

        @Predict
        public DataFrame predict(Level model, DataFrame historic, DataFrame future, Clock clock) {
            return future;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class AnnotatedModel {

        @Bean
        Forecaster levelModel() {
            return new Forecaster();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SecondAnnotatedModel {

        @Bean
        Forecaster otherLevelModel() {
            return new Forecaster();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UnsatisfiableModel {

        @Bean
        Unsatisfiable unsatisfiable() {
            return new Unsatisfiable();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FunctionalModel {

        @Bean
        ModelRunner<DefaultConfig, Level> functionalRunner() {
            return FunctionalModelRunner.builder(DefaultConfig.class, Level.class)
                    .train((input, context) -> new Level(input.data().size()))
                    .predict((input, context) -> TablesawFrames.toTable(input.future()))
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OtherConfigRunner {

        @Bean
        ModelRunner<OtherConfig, Level> otherConfigRunner() {
            return FunctionalModelRunner.builder(OtherConfig.class, Level.class)
                    .train((input, context) -> new Level(0))
                    .predict((input, context) -> Table.create("empty"))
                    .build();
        }
    }
}
