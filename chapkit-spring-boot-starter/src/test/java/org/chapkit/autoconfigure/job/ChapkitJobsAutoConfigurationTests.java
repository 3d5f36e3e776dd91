package org.chapkit.autoconfigure.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import org.chapkit.autoconfigure.database.ChapkitDatabaseAutoConfiguration;
import org.chapkit.db.ChapkitTables;
import org.chapkit.job.Job;
import org.chapkit.job.JobContext;
import org.chapkit.job.JobHandler;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobStatus;
import org.chapkit.job.JobType;
import org.chapkit.job.UnknownJobTypeException;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ChapkitJobsAutoConfigurationTests {

    private static final JobType<String> NOOP = JobType.of("noop", String.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class,
                    JacksonAutoConfiguration.class,
                    ChapkitDatabaseAutoConfiguration.class,
                    ChapkitJobsAutoConfiguration.class))
            .withBean(Clock.class, Clock::systemUTC)
            .withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2());

    @Test
    void createsAJobManagerWithEveryHandlerBeanAndTheConfiguredSettings() {
        runner.withUserConfiguration(Handlers.class)
                .withPropertyValues(
                        "chapkit.jobs.max-concurrency=3",
                        "chapkit.jobs.instance-name=node-1",
                        "chapkit.jobs.retention=2h",
                        "chapkit.jobs.reconcile-interval=30s",
                        "chapkit.jobs.expose-traceback=false")
                .run(context -> {
                    JobManager jobs = context.getBean(JobManager.class);
                    assertThat(jobs.jobTypes()).containsExactly(NOOP);
                    assertThat(jobs.settings().maxConcurrency()).isEqualTo(3);
                    assertThat(jobs.settings().instanceName()).isEqualTo("node-1");
                    assertThat(jobs.settings().retention()).isEqualTo(Duration.ofHours(2));
                    assertThat(jobs.settings().heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(jobs.settings().reconcileInterval()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(jobs.settings().exposeTraceback()).isFalse();
                });
    }

    @Test
    void defaultInstanceNamesDifferSoInstancesDoNotShareClaims() {
        ChapkitJobsProperties defaults = new ChapkitJobsProperties(
                true,
                null,
                1,
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                6,
                Duration.ofMillis(500),
                Duration.ofDays(7),
                Duration.ofSeconds(10),
                Duration.ofMinutes(1),
                true);
        assertThat(ChapkitJobsAutoConfiguration.settings(defaults, ChapkitTables.DEFAULT)
                        .instanceName())
                .isNotEqualTo(ChapkitJobsAutoConfiguration.settings(defaults, ChapkitTables.DEFAULT)
                        .instanceName());
        assertThat(ChapkitJobsAutoConfiguration.settings(defaults, ChapkitTables.DEFAULT)
                        .deadExecutionBound())
                .isLessThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aNonWebApplicationWithoutAClockBeanStartsItsJobSystemAndRunsJobs() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class,
                        JacksonAutoConfiguration.class,
                        ChapkitDatabaseAutoConfiguration.class,
                        ChapkitJobsAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2())
                .withUserConfiguration(Handlers.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(Clock.class);
                    JobManager jobs = context.getBean(JobManager.class);
                    String id = jobs.submit(NOOP, "payload").id();
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> jobs.find(id).map(Job::status).orElse(null), JobStatus.COMPLETED::equals);
                });
    }

    @Test
    void submittingATypeWithoutItsHandlerFailsAndSoDoesAnotherPayloadClassUnderTheSameName() {
        runner.withUserConfiguration(Handlers.class).run(context -> {
            JobManager jobs = context.getBean(JobManager.class);
            assertThatThrownBy(() -> jobs.submit(JobType.of("missing", String.class), "x"))
                    .isInstanceOf(UnknownJobTypeException.class)
                    .hasMessageContaining("'missing'");
            assertThatThrownBy(() -> jobs.submit(JobType.of(NOOP.name(), Integer.class), 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("java.lang.String");
            assertThat(jobs.list(null)).isEmpty();
        });
    }

    @Test
    void backsOffWhenDisabled() {
        runner.withPropertyValues("chapkit.jobs.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(JobManager.class));
    }

    @Test
    void twoHandlersWithOneTypeFailTheStartup() {
        runner.withUserConfiguration(Handlers.class, DuplicateHandler.class)
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("Two JobHandlers have type 'noop'"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        JobHandler<String> noopHandler() {
            return new Noop();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class DuplicateHandler {

        @Bean
        JobHandler<String> otherNoopHandler() {
            return new Noop();
        }
    }

    static final class Noop implements JobHandler<String> {

        @Override
        public JobType<String> jobType() {
            return NOOP;
        }

        @Override
        public String run(String payload, JobContext context) {
            return null;
        }
    }
}
