package org.chapkit.taskrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.chapkit.TestServiceApplication;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobStatus;
import org.chapkit.taskrun.internal.TaskRunStore;
import org.chapkit.test.HttpApi;
import org.chapkit.test.TestDatabases;
import org.chapkit.testtasks.JobTestTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Three instances of the service on one PostgreSQL: a task's concurrency limit holds across the cluster, and an
 * interval schedule fires each tick exactly once, none skipped, however many instances poll.
 */
class TaskClusterTests {

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    @AfterEach
    void closeContexts() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void threeInstancesShareConcurrencySlotsAndFireEachTickOnce() {
        TestDatabases.Postgres pg = TestDatabases.freshPostgres();
        List<HttpApi> apis = new ArrayList<>();
        for (String name : List.of("node-a", "node-b", "node-c")) {
            apis.add(new HttpApi(port(start(pg, name))));
        }
        TaskRunStore runs = contexts.get(0).getBean(TaskRunStore.class);
        JobManager jobs = contexts.get(0).getBean(JobManager.class);

        // Concurrency limit 1 across the cluster: six runs submitted on three instances never overlap.
        String key = UUID.randomUUID().toString();
        List<String> limited = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpApi.Response accepted = apis.get(i % 3)
                    .postJson(
                            "/api/v1/tasks/limited/$execute", "{\"params\":{\"key\":\"" + key + "\",\"millis\":150}}");
            assertThat(accepted.status()).isEqualTo(202);
            limited.add(accepted.json().get("job_id").asString());
        }
        for (String id : limited) {
            await().atMost(Duration.ofSeconds(60)).until(() -> jobs.get(id).status() == JobStatus.COMPLETED);
        }
        List<TaskRun> slots = limited.stream()
                .map(id -> runs.find(id).orElseThrow())
                .sorted(Comparator.comparing(TaskRun::startedAt))
                .toList();
        for (int i = 1; i < slots.size(); i++) {
            assertThat(slots.get(i).startedAt())
                    .as("run %d started after run %d ended", i, i - 1)
                    .isAfterOrEqualTo(slots.get(i - 1).finishedAt());
        }
        assertThat(JobTestTasks.CALLS.get("limited:" + key)).hasValue(6);

        // An interval schedule polled by three instances: each tick runs once, and none is skipped.
        String tickKey = UUID.randomUUID().toString();
        HttpApi.Response created = apis.get(1)
                .postJson(
                        "/api/v1/schedules",
                        "{\"task\":\"tick\",\"params\":{\"key\":\"" + tickKey + "\"},\"interval\":\"1s\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String scheduleId = created.json().get("id").asString();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> runs.ofSchedule(scheduleId).size() >= 12);
        assertThat(apis.get(2)
                        .postJson("/api/v1/schedules/" + scheduleId + "/$disable", "")
                        .status())
                .isEqualTo(200);
        List<TaskRun> fired = runs.ofSchedule(scheduleId);
        for (TaskRun run : fired) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jobs.get(run.jobId()).status().isTerminal());
        }

        assertThat(fired).extracting(TaskRun::tick).doesNotHaveDuplicates();
        for (int i = 1; i < fired.size(); i++) {
            assertThat(Duration.between(fired.get(i - 1).tick(), fired.get(i).tick()))
                    .isEqualTo(Duration.ofSeconds(1));
        }
        assertThat(JobTestTasks.CALLS.get("tick:" + tickKey)).hasValue(fired.size());
        assertThat(fired)
                .allSatisfy(run -> assertThat(jobs.get(run.jobId()).status()).isEqualTo(JobStatus.COMPLETED));
    }

    private ConfigurableApplicationContext start(TestDatabases.Postgres db, String instanceName) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TestServiceApplication.class)
                .properties(
                        "spring.datasource.url=" + db.url(),
                        "spring.datasource.username=" + db.username(),
                        "spring.datasource.password=" + db.password(),
                        "spring.datasource.hikari.maximum-pool-size=6",
                        "server.port=0",
                        "spring.main.banner-mode=off",
                        "chapkit.jobs.instance-name=" + instanceName,
                        "chapkit.schedules.min-interval=1s")
                .run();
        contexts.add(context);
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
