package org.chapkit.autoconfigure.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import org.chapkit.autoconfigure.RunnerAutoConfigurations;
import org.chapkit.autoconfigure.schedule.ChapkitScheduleAutoConfiguration;
import org.chapkit.problem.ChapkitException;
import org.chapkit.schedule.ScheduleManager;
import org.chapkit.schedule.internal.ScheduleStore;
import org.chapkit.task.ExecutionOrigin;
import org.chapkit.task.OrphanedTask;
import org.chapkit.task.Task;
import org.chapkit.task.TaskExecutionGateway;
import org.chapkit.task.TaskInjectable;
import org.chapkit.task.TaskManager;
import org.chapkit.task.TaskRegistry;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Discovery and registration of {@code @Task} methods, and what stops start-up. */
class ChapkitTaskAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(RunnerAutoConfigurations.JDBC)
            .withConfiguration(
                    AutoConfigurations.of(ChapkitTaskAutoConfiguration.class, ChapkitScheduleAutoConfiguration.class));

    private ApplicationContextRunner onFreshDatabase() {
        return runner.withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2());
    }

    @Test
    void discoversTasksOfBeansAndBacksOffWhenDisabled() {
        onFreshDatabase().withUserConfiguration(GoodTasks.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(TaskRegistry.class).names()).containsExactlyInAnyOrder("hello", "with_helper");
            assertThat(context.getBean(TaskRegistry.class)
                            .require("with_helper")
                            .parameters()
                            .get(0)
                            .injected())
                    .isTrue();
            assertThat(context).doesNotHaveBean(TaskExecutionGateway.class);
            assertThatExceptionOfType(ChapkitException.class)
                    .isThrownBy(
                            () -> context.getBean(TaskManager.class).execute("hello", null, ExecutionOrigin.direct()))
                    .satisfies(ex -> assertThat(ex.getStatusCode().value()).isEqualTo(503))
                    .withMessage("No job system is configured to run task 'hello'");
        });
        onFreshDatabase()
                .withUserConfiguration(GoodTasks.class)
                .withPropertyValues("chapkit.tasks.enabled=false")
                .run(context ->
                        assertThat(context).doesNotHaveBean(TaskRegistry.class).doesNotHaveBean(ScheduleManager.class));
        onFreshDatabase()
                .withUserConfiguration(GoodTasks.class)
                .withPropertyValues("chapkit.schedules.enabled=false")
                .run(context ->
                        assertThat(context).hasSingleBean(TaskManager.class).doesNotHaveBean(ScheduleStore.class));
    }

    @Test
    void duplicateTaskNamesStopStartUpNamingBothMethods() {
        onFreshDatabase()
                .withUserConfiguration(GoodTasks.class, DuplicateTasks.class)
                .run(context -> assertThat(failureMessages(context))
                        .contains("Duplicate task name 'hello'")
                        .contains(GoodTasks.Tasks.class.getName() + ".hello()")
                        .contains(DuplicateTasks.class.getName() + ".again()"));
    }

    @Test
    void invalidNamesAndSettingsStopStartUp() {
        onFreshDatabase()
                .withUserConfiguration(BadName.class)
                .run(context -> assertThat(failureMessages(context))
                        .contains("Task name 'bad name!'")
                        .contains("only letters, digits, '_' and '-'"));
        onFreshDatabase()
                .withUserConfiguration(BadRetry.class)
                .run(context -> assertThat(failureMessages(context))
                        .contains("Task 'greedy'")
                        .contains("maxAttempts must be between 1 and 20, got 50"));
        onFreshDatabase()
                .withUserConfiguration(BadSchedule.class)
                .run(context -> assertThat(failureMessages(context))
                        .contains("declare either cron or fixedInterval, not both"));
        onFreshDatabase()
                .withUserConfiguration(ScheduleNeedingParams.class)
                .run(context -> assertThat(failureMessages(context))
                        .contains("The schedule declared by task 'needs_params' is invalid")
                        .contains("params.count is required"));
    }

    @Test
    void injectableParametersWithoutExactlyOneBeanStopStartUp() {
        onFreshDatabase()
                .withUserConfiguration(NeedsMissingHelper.class)
                .run(context -> assertThat(failureMessages(context))
                        .contains("Task 'lonely'")
                        .contains("parameter 'helper' has injectable type " + Helper.class.getName()
                                + " but no bean of that type exists"));
        onFreshDatabase()
                .withUserConfiguration(TwoStrings.class)
                .withPropertyValues("chapkit.tasks.injectable-types=java.lang.StringBuilder")
                .run(context -> assertThat(failureMessages(context))
                        .contains("parameter 'text' has injectable type java.lang.StringBuilder but"
                                + " several beans do"));
    }

    @Test
    void tasksRemovedByADeployBecomeOrphansWithoutBreakingStartUp() {
        String database = TestDatabases.freshH2();
        runner.withPropertyValues("spring.datasource.url=" + database)
                .withUserConfiguration(GoodTasks.class, ScheduledTask.class)
                .run(context -> assertThat(context).hasNotFailed());

        runner.withPropertyValues("spring.datasource.url=" + database)
                .withUserConfiguration(GoodTasks.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    List<OrphanedTask> orphans =
                            context.getBean(TaskManager.class).orphans();
                    assertThat(orphans).singleElement().satisfies(orphan -> {
                        assertThat(orphan.name()).isEqualTo("every_minute");
                        assertThat(orphan.knownFrom()).containsExactlyInAnyOrder("task_state", "schedules");
                    });
                    assertThat(context.getBean(ScheduleManager.class).fireDue(100))
                            .isZero();
                });
    }

    /** Every message of the start-up failure's cause chain, for assertions on what the user reads. */
    private static String failureMessages(
            org.springframework.boot.test.context.assertj.AssertableApplicationContext context) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Configuration(proxyBeanMethods = false)
    static class GoodTasks {
        @Bean
        GoodTasks.Tasks goodTasksBean() {
            return new Tasks();
        }

        @Bean
        Helper helper() {
            return new Helper();
        }

        static class Tasks {
            @Task(name = "hello")
            public String hello() {
                return "hi";
            }

            @Task(name = "with_helper")
            public String withHelper(Helper helper, String text) {
                return text;
            }
        }
    }

    @TaskInjectable
    static class Helper {}

    @Configuration(proxyBeanMethods = false)
    static class DuplicateTasks {
        @Bean
        DuplicateTasks duplicateTasksBean() {
            return new DuplicateTasks();
        }

        @Task(name = "hello")
        public String again() {
            return "again";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BadName {
        @Task(name = "bad name!")
        public void run() {}
    }

    @Configuration(proxyBeanMethods = false)
    static class BadRetry {
        @Task(name = "greedy", retry = @Task.Retry(maxAttempts = 50))
        public void run() {}
    }

    @Configuration(proxyBeanMethods = false)
    static class BadSchedule {
        @Task(name = "both", cron = "0 0 * * * *", fixedInterval = "1h")
        public void run() {}
    }

    @Configuration(proxyBeanMethods = false)
    static class ScheduleNeedingParams {
        @Task(name = "needs_params", fixedInterval = "1h")
        public void run(int count) {}
    }

    @Configuration(proxyBeanMethods = false)
    static class ScheduledTask {
        @Task(name = "every_minute", fixedInterval = "1m")
        public void run() {}
    }

    @Configuration(proxyBeanMethods = false)
    static class NeedsMissingHelper {
        @Task(name = "lonely")
        public void run(Helper helper) {}
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoStrings {
        @Bean
        StringBuilder first() {
            return new StringBuilder();
        }

        @Bean
        StringBuilder second() {
            return new StringBuilder();
        }

        @Task(name = "ambiguous")
        public void run(StringBuilder text) {}
    }
}
