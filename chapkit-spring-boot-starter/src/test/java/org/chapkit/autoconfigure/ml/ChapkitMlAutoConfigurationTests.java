package org.chapkit.autoconfigure.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.chapkit.TestModelConfig;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.autoconfigure.artifact.ChapkitArtifactAutoConfiguration;
import org.chapkit.autoconfigure.config.ChapkitConfigAutoConfiguration;
import org.chapkit.autoconfigure.database.ChapkitDatabaseAutoConfiguration;
import org.chapkit.autoconfigure.info.ServiceInfoAutoConfiguration;
import org.chapkit.autoconfigure.job.ChapkitJobsAutoConfiguration;
import org.chapkit.job.JobContext;
import org.chapkit.job.JobManager;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.runner.AnnotatedModelRunner;
import org.chapkit.ml.runner.ModelRunner;
import org.chapkit.ml.runner.Predict;
import org.chapkit.ml.runner.Train;
import org.chapkit.ml.service.MlManager;
import org.chapkit.ml.service.MlWorkflow;
import org.chapkit.ml.shell.ShellModelRunner;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ChapkitMlAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class,
                    JdbcClientAutoConfiguration.class,
                    JacksonAutoConfiguration.class,
                    ValidationAutoConfiguration.class,
                    ChapkitDatabaseAutoConfiguration.class,
                    ServiceInfoAutoConfiguration.class,
                    ChapkitConfigAutoConfiguration.class,
                    ChapkitArtifactAutoConfiguration.class,
                    ChapkitJobsAutoConfiguration.class,
                    ChapkitMlAutoConfiguration.class))
            .withBean(Clock.class, Clock::systemUTC)
            .withPropertyValues(
                    "spring.datasource.url=" + TestDatabases.freshH2(),
                    "chapkit.config.type=" + TestModelConfig.class.getName());

    @Test
    void staysOffWithoutAModelRunner() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(JobManager.class);
            assertThat(context).doesNotHaveBean(MlManager.class);
        });
    }

    @Test
    void adaptsTheAnnotatedBeanAndRegistersBothJobTypes() {
        runner.withUserConfiguration(AnnotatedModel.class).run(context -> {
            assertThat(context.getBean(ModelRunner.class)).isInstanceOf(AnnotatedModelRunner.class);
            assertThat(context).hasSingleBean(MlManager.class);
            assertThat(context.getBean(JobManager.class).handlerTypes())
                    .contains(MlWorkflow.TRAIN_JOB, MlWorkflow.PREDICT_JOB);
        });
    }

    @Test
    void shellPropertiesWinOverTheAnnotatedBean() {
        runner.withUserConfiguration(AnnotatedModel.class)
                .withPropertyValues(
                        "chapkit.ml.shell.train-command=python3 t.py {data_file}",
                        "chapkit.ml.shell.predict-command=python3 p.py {output_file}",
                        "chapkit.ml.shell.timeout=2m")
                .run(context -> {
                    assertThat(context.getBean(ModelRunner.class)).isInstanceOf(ShellModelRunner.class);
                    assertThat(context.getBean(ChapkitMlProperties.class)
                                    .shell()
                                    .timeout())
                            .isEqualTo(Duration.ofMinutes(2));
                });
    }

    @Test
    void anUnknownPlaceholderStopsStartUp() {
        runner.withPropertyValues(
                        "chapkit.ml.shell.train-command=python3 t.py {config}",
                        "chapkit.ml.shell.predict-command=python3 p.py {output_file}")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void backsOffWhenDisabled() {
        runner.withUserConfiguration(AnnotatedModel.class)
                .withPropertyValues("chapkit.ml.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MlManager.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class AnnotatedModel {

        @Bean
        MeanModel meanModel() {
            return new MeanModel();
        }
    }

    /** A trivial annotated model that asks for the job context and the artifact manager. */
    static class MeanModel {

        @Train
        Double train(TestModelConfig config, DataFrame data, JobContext job, ArtifactManager artifacts) {
            return 1.0;
        }

        @Predict
        DataFrame predict(Double model, DataFrame historic, DataFrame future) {
            return future;
        }
    }
}
