package org.chapkit.autoconfigure.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class ChapkitJobsAutoConfigurationTests {

    private static final JobType<String> NOOP = JobType.of("noop", String.class);

    private static final JobType<Long> SLEEP = JobType.of("sleep", Long.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class,
                    JacksonAutoConfiguration.class,
                    ChapkitDatabaseAutoConfiguration.class,
                    ChapkitJobsAutoConfiguration.class))
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
                    assertThat(jobs.jobTypes()).containsExactlyInAnyOrder(NOOP, SLEEP);
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
        runner.withUserConfiguration(Handlers.class).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(Clock.class);
            JobManager jobs = context.getBean(JobManager.class);
            String id = jobs.submit(NOOP, "payload").id();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jobs.find(id).map(Job::status).orElse(null), JobStatus.COMPLETED::equals);
        });
    }

    @Test
    void theJobSystemStartsOnlyOnceEveryBeanExistsAndStopsAndStartsWithTheContext() {
        runner.withUserConfiguration(Handlers.class, StartProbe.class).run(context -> {
            StartProbe probe = context.getBean(StartProbe.class);
            assertThat(probe.runningOnceSingletonsExisted).isFalse();
            assertThat(probe.submitBeforeStart)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has not started");
            JobManager jobs = context.getBean(JobManager.class);
            assertThat(jobs.isRunning()).isTrue();
            // Stopped and started again, as a test context cache pauses an idle context: it runs jobs again.
            context.stop();
            assertThat(jobs.isRunning()).isFalse();
            context.start();
            String id = jobs.submit(NOOP, "after a restart").id();
            awaitStatus(jobs, id, JobStatus.COMPLETED);
            context.close();
            assertThat(jobs.isRunning()).isFalse();
        });
    }

    @Test
    void closingTheContextLetsARunningJobFinishWithinTheShutdownGrace() {
        String url = TestDatabases.freshH2();
        AtomicReference<String> id = new AtomicReference<>();
        runner.withPropertyValues("spring.datasource.url=" + url, "chapkit.jobs.shutdown-grace=20s")
                .withUserConfiguration(Handlers.class)
                .run(context -> {
                    JobManager jobs = context.getBean(JobManager.class);
                    id.set(jobs.submit(SLEEP, 1500L).id());
                    awaitStatus(jobs, id.get(), JobStatus.RUNNING);
                    context.close(); // returns once the job has finished
                });
        assertThat(storedStatusAndError(url, id.get())).containsExactly("completed", null);
    }

    @Test
    void closingTheContextFailsAJobThatOutlivesTheShutdownGrace() {
        String url = TestDatabases.freshH2();
        AtomicReference<String> id = new AtomicReference<>();
        runner.withPropertyValues(
                        "spring.datasource.url=" + url,
                        "chapkit.jobs.shutdown-grace=200ms",
                        "chapkit.jobs.instance-name=stopping-node")
                .withUserConfiguration(Handlers.class)
                .run(context -> {
                    JobManager jobs = context.getBean(JobManager.class);
                    id.set(jobs.submit(SLEEP, 60_000L).id());
                    awaitStatus(jobs, id.get(), JobStatus.RUNNING);
                    context.close(); // the job outlives the grace: interrupted, and not idempotent, so failed
                });
        assertThat(storedStatusAndError(url, id.get()))
                .containsExactly(
                        "failed", "JobInterrupted: instance stopping-node shut down while the job was running");
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

    private static void awaitStatus(JobManager jobs, String id, JobStatus status) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> jobs.find(id).map(Job::status).orElse(null), status::equals);
    }

    /** The job's stored status and error, read after the application context (and its pool) is gone. */
    private static List<String> storedStatusAndError(String url, String id) {
        return JdbcClient.create(new DriverManagerDataSource(url, "sa", ""))
                .sql("SELECT status, error FROM jobs WHERE id = :id")
                .param("id", id)
                .query((row, number) -> Arrays.asList(row.getString("status"), row.getString("error")))
                .single();
    }

    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        JobHandler<String> noopHandler() {
            return new Noop();
        }

        @Bean
        JobHandler<Long> sleepHandler() {
            return new JobHandler<>() {
                @Override
                public JobType<Long> jobType() {
                    return SLEEP;
                }

                @Override
                public String run(Long millis, JobContext context) throws InterruptedException {
                    Thread.sleep(millis);
                    return null;
                }
            };
        }
    }

    /** Looks at the job system when every singleton exists, the moment before lifecycle start. */
    @Configuration(proxyBeanMethods = false)
    static class StartProbe implements SmartInitializingSingleton {

        private final ObjectProvider<JobManager> jobs;
        volatile boolean runningOnceSingletonsExisted = true;
        volatile RuntimeException submitBeforeStart;

        StartProbe(ObjectProvider<JobManager> jobs) {
            this.jobs = jobs;
        }

        @Override
        public void afterSingletonsInstantiated() {
            runningOnceSingletonsExisted = jobs.getObject().isRunning();
            try {
                jobs.getObject().submit(NOOP, "too early");
            } catch (RuntimeException ex) {
                submitBeforeStart = ex;
            }
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
