package org.chapkit.autoconfigure.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.CurrentlyExecuting;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.chapkit.autoconfigure.RunnerAutoConfigurations;
import org.chapkit.job.Job;
import org.chapkit.job.JobContext;
import org.chapkit.job.JobHandler;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobStatus;
import org.chapkit.job.JobType;
import org.chapkit.job.SchedulerBuilderCustomizer;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Users adjust the job system they do not own: db-scheduler's builder through customizers, payload JSON not at all. */
class JobSchedulerCustomizationTests {

    static final JobType<Payload> ECHO = JobType.of("echo", Payload.class);

    /** A payload with unannotated names and a null component. */
    record Payload(String locationName, Integer horizon, String note) {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(RunnerAutoConfigurations.JDBC)
            .withConfiguration(AutoConfigurations.of(ChapkitJobsAutoConfiguration.class))
            .withUserConfiguration(Echo.class);

    @Test
    void schedulerBuilderCustomizersRunInOrderOnTheSchedulerThatRunsJobs() {
        runner.withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2())
                .withUserConfiguration(Customizers.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(Customizers.CALLS).containsExactly("first", "second");
                    String id = context.getBean(JobManager.class)
                            .submit(ECHO, new Payload("Oslo", 3, null))
                            .id();
                    await().atMost(Duration.ofSeconds(30))
                            .until(
                                    () -> context.getBean(JobManager.class)
                                            .find(id)
                                            .map(Job::status)
                                            .orElse(null),
                                    JobStatus.COMPLETED::equals);
                    assertThat(Customizers.STARTED).contains(JobManager.JOB_TASK + "_" + id);
                });
    }

    @Test
    void applicationJacksonSettingsLeaveStoredJobPayloadsIdentical() {
        String plain = storedPayload(runner);
        String tuned = storedPayload(runner.withPropertyValues(
                "spring.jackson.serialization.indent-output=true",
                "spring.jackson.default-property-inclusion=non_null",
                "spring.jackson.property-naming-strategy=UPPER_CAMEL_CASE"));

        assertThat(tuned).isEqualTo(plain).isEqualTo("{\"locationName\":\"Oslo\",\"horizon\":3,\"note\":null}");
    }

    private static String storedPayload(ApplicationContextRunner runner) {
        AtomicReference<String> payload = new AtomicReference<>();
        runner.withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(JobManager.class).submit(ECHO, new Payload("Oslo", 3, null));
                    payload.set(context.getBean(JdbcClient.class)
                            .sql("SELECT payload FROM jobs")
                            .query(String.class)
                            .single());
                });
        return payload.get();
    }

    @Configuration(proxyBeanMethods = false)
    static class Echo {

        @Bean
        JobHandler<Payload> echoHandler() {
            return new JobHandler<>() {
                @Override
                public JobType<Payload> jobType() {
                    return ECHO;
                }

                @Override
                public String run(Payload payload, JobContext context) {
                    return null;
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {

        static final List<String> CALLS = new CopyOnWriteArrayList<>();

        static final List<String> STARTED = new CopyOnWriteArrayList<>();

        @Bean
        @Order(2)
        SchedulerBuilderCustomizer second() {
            return builder -> CALLS.add("second");
        }

        @Bean
        @Order(1)
        SchedulerBuilderCustomizer first() {
            return builder -> {
                CALLS.add("first");
                builder.addSchedulerListener(new AbstractSchedulerListener() {
                    @Override
                    public void onExecutionStart(CurrentlyExecuting execution) {
                        STARTED.add(execution.getTaskInstance().getTaskAndInstance());
                    }
                });
            };
        }
    }
}
