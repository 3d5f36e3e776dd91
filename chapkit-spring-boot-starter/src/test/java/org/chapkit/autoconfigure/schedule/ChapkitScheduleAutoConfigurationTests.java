package org.chapkit.autoconfigure.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.chapkit.autoconfigure.database.ChapkitDatabaseAutoConfiguration;
import org.chapkit.autoconfigure.task.ChapkitTaskAutoConfiguration;
import org.chapkit.problem.ChapkitException;
import org.chapkit.schedule.Schedule;
import org.chapkit.schedule.ScheduleManager;
import org.chapkit.schedule.ScheduleRequest;
import org.chapkit.schedule.internal.ScheduleController;
import org.chapkit.schedule.internal.ScheduleStore;
import org.chapkit.task.Task;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** What the schedule auto-configuration needs, how its properties bound the schedules it accepts, and its back-off. */
class ChapkitScheduleAutoConfigurationTests {

    private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(
            DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class,
            JdbcClientAutoConfiguration.class,
            JacksonAutoConfiguration.class,
            ValidationAutoConfiguration.class,
            ChapkitDatabaseAutoConfiguration.class,
            ChapkitTaskAutoConfiguration.class,
            ChapkitScheduleAutoConfiguration.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(CONFIGURATIONS)
            .withUserConfiguration(Tasks.class)
            .withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2());

    @Test
    void theDefaultsBoundTheSchedulesThatAreAccepted() {
        runner.run(context -> {
            assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(ScheduleManager.class)
                    .hasSingleBean(ScheduleStore.class);
            ChapkitScheduleProperties properties = context.getBean(ChapkitScheduleProperties.class);
            assertThat(properties.minInterval()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.fire()).isTrue();
            ScheduleManager schedules = context.getBean(ScheduleManager.class);

            Schedule created = schedules.create(every("PT10S", null));
            assertThat(created.missedRunCap())
                    .as("chapkit.schedules.default-missed-run-cap")
                    .isEqualTo(10);
            assertThatThrownBy(() -> schedules.create(every("PT9S", null))).isInstanceOf(ChapkitException.class);
            assertThatThrownBy(() -> schedules.create(every("PT10S", 101))).isInstanceOf(ChapkitException.class);
        });
    }

    @Test
    void thePropertiesMoveTheBounds() {
        runner.withPropertyValues(
                        "chapkit.schedules.min-interval=1m",
                        "chapkit.schedules.default-missed-run-cap=3",
                        "chapkit.schedules.max-missed-run-cap=5")
                .run(context -> {
                    ScheduleManager schedules = context.getBean(ScheduleManager.class);
                    assertThatThrownBy(() -> schedules.create(every("PT30S", null)))
                            .as("allowed by the default minimum of 10s")
                            .isInstanceOf(ChapkitException.class);
                    assertThat(schedules.create(every("PT1M", null)).missedRunCap())
                            .isEqualTo(3);
                    assertThatThrownBy(() -> schedules.create(every("PT1M", 6))).isInstanceOf(ChapkitException.class);
                });
    }

    @Test
    void theEndpointIsServedInAServletApplicationOnly() {
        runner.run(context -> assertThat(context).doesNotHaveBean(ScheduleController.class));
        new WebApplicationContextRunner()
                .withConfiguration(CONFIGURATIONS)
                .withUserConfiguration(Tasks.class)
                .withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2())
                .run(context -> assertThat(context).hasSingleBean(ScheduleController.class));
    }

    @Test
    void backsOffWhenSwitchedOffOrWithoutTasks() {
        runner.withPropertyValues("chapkit.schedules.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ScheduleManager.class));
        runner.withPropertyValues("chapkit.tasks.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ScheduleManager.class));
    }

    @Test
    void aStoreOfTheApplicationIsUsed() {
        runner.withUserConfiguration(OwnStore.class).run(context -> {
            assertThat(context).hasSingleBean(ScheduleStore.class);
            assertThat(context.getBean(ScheduleStore.class)).isSameAs(context.getBean("ownScheduleStore"));
            assertThat(context).hasSingleBean(ScheduleManager.class);
        });
    }

    private static ScheduleRequest every(String interval, Integer missedRunCap) {
        return new ScheduleRequest(
                "hello",
                JsonMapper.builder().build().createObjectNode(),
                null,
                interval,
                null,
                null,
                true,
                "run_all",
                missedRunCap);
    }

    @Configuration(proxyBeanMethods = false)
    static class Tasks {

        @Bean
        Hello hello() {
            return new Hello();
        }

        static class Hello {
            @Task(name = "hello")
            public String hello() {
                return "hi";
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnStore {

        @Bean
        ScheduleStore ownScheduleStore(JdbcClient jdbc, JsonMapper mapper) {
            return new ScheduleStore(jdbc, mapper);
        }
    }
}
