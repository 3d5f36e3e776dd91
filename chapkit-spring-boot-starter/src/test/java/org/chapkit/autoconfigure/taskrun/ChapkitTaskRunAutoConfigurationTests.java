package org.chapkit.autoconfigure.taskrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.autoconfigure.RunnerAutoConfigurations;
import org.chapkit.autoconfigure.artifact.ChapkitArtifactAutoConfiguration;
import org.chapkit.autoconfigure.job.ChapkitJobsAutoConfiguration;
import org.chapkit.autoconfigure.schedule.ChapkitScheduleAutoConfiguration;
import org.chapkit.autoconfigure.task.ChapkitTaskAutoConfiguration;
import org.chapkit.job.Job;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobStatus;
import org.chapkit.job.RecurringWork;
import org.chapkit.task.ExecutionOrigin;
import org.chapkit.task.Task;
import org.chapkit.task.TaskExecutionAccepted;
import org.chapkit.task.TaskExecutionGateway;
import org.chapkit.task.TaskManager;
import org.chapkit.taskrun.internal.JobTaskExecutionGateway;
import org.chapkit.taskrun.internal.TaskJobHandler;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Tasks run on the job system only when both exist; schedules are fired only when schedules are on. */
class ChapkitTaskRunAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(RunnerAutoConfigurations.JDBC)
            .withConfiguration(AutoConfigurations.of(
                    ChapkitArtifactAutoConfiguration.class,
                    ChapkitJobsAutoConfiguration.class,
                    ChapkitTaskAutoConfiguration.class,
                    ChapkitScheduleAutoConfiguration.class,
                    ChapkitTaskRunAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2());

    @Test
    void wiresTheJobBackedGatewayHandlerAndScheduleFiring() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(TaskExecutionGateway.class)).isInstanceOf(JobTaskExecutionGateway.class);
            assertThat(context.getBean(JobManager.class).jobTypes()).contains(TaskJobHandler.TYPE);
            assertThat(context.getBean(RecurringWork.class).name())
                    .isEqualTo(ChapkitTaskRunAutoConfiguration.SCHEDULE_FIRING_TASK);
        });
    }

    @Test
    void aNonWebApplicationRunsATaskAsAJobWithoutAClockBean() {
        runner.withUserConfiguration(EchoTasks.class).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(Clock.class);
            TaskExecutionAccepted accepted = context.getBean(TaskManager.class)
                    .execute(
                            "echo",
                            context.getBean(JsonMapper.class).readTree("{\"text\":\"hello\"}"),
                            ExecutionOrigin.direct());
            JobManager jobs = context.getBean(JobManager.class);
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> jobs.find(accepted.jobId()).map(Job::status).orElse(null),
                            JobStatus.COMPLETED::equals);
            assertThat(context.getBean(ArtifactManager.class)
                            .get(accepted.artifactId())
                            .data()
                            .get("result")
                            .asString())
                    .isEqualTo("hello");
        });
    }

    @Test
    void backsOffWithoutTheJobSystemOrSchedules() {
        runner.withPropertyValues("chapkit.jobs.enabled=false")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(TaskExecutionGateway.class)
                        .doesNotHaveBean(TaskJobHandler.class));
        runner.withPropertyValues("chapkit.schedules.enabled=false")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .hasSingleBean(TaskExecutionGateway.class)
                        .doesNotHaveBean(RecurringWork.class));
    }

    /** A task of a non-web application. */
    @Configuration(proxyBeanMethods = false)
    static class EchoTasks {

        @Task(name = "echo", description = "Answers its input")
        public String echo(String text) {
            return text;
        }
    }
}
