package org.chapkit.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.chapkit.TestServiceApplication;
import org.chapkit.id.Ulids;
import org.chapkit.job.TestJobHandlers.Sleep;
import org.chapkit.test.HttpApi;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Jobs survive their instance: restart on the same database, a crashed instance (the rows a killed JVM leaves
 * behind), and two instances sharing one PostgreSQL. Each test starts its own application contexts.
 */
class JobRecoveryTests {

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    @AfterEach
    void closeContexts() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void restartAndCrashRecoveryOnH2() {
        restartAndCrashRecovery(new Database(TestDatabases.freshH2(), "sa", ""));
    }

    @Test
    void restartAndCrashRecoveryOnPostgres() {
        TestDatabases.Postgres pg = TestDatabases.freshPostgres();
        restartAndCrashRecovery(new Database(pg.url(), pg.username(), pg.password()));
    }

    private void restartAndCrashRecovery(Database db) {
        ConfigurableApplicationContext first = start(db, "first");
        JobManager firstJobs = first.getBean(JobManager.class);
        Job plain = firstJobs.submit(TestJobHandlers.SLEEP, new Sleep(300, 100, null), null);
        Job idempotent = firstJobs.submit(
                TestJobHandlers.SLEEP_IDEMPOTENT, new Sleep(40, 100, "01ARZ3NDEKTSV4RRFFQ69G5FAV"), null);
        awaitJob(firstJobs, plain.id(), job -> job.status() == JobStatus.RUNNING);
        awaitJob(firstJobs, idempotent.id(), job -> job.status() == JobStatus.RUNNING);

        close(first); // mid-job

        ConfigurableApplicationContext second = start(db, "second");
        JobManager secondJobs = second.getBean(JobManager.class);
        Job failed = secondJobs.get(plain.id());
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).isEqualTo("JobInterrupted: instance first shut down while the job was running");
        assertThat(TestJobHandlers.INTERRUPTED).contains(plain.id());
        Job rerun = awaitJob(secondJobs, idempotent.id(), job -> job.status() == JobStatus.COMPLETED);
        assertThat(rerun.attempts()).isEqualTo(2);
        assertThat(rerun.owner()).isEqualTo("second");
        assertThat(rerun.artifactId()).isEqualTo("01ARZ3NDEKTSV4RRFFQ69G5FAV");

        // What kill -9 leaves behind: a running record and a picked execution whose heartbeats stopped.
        JdbcClient jdbc = second.getBean(JdbcClient.class);
        String abandoned = leaveCrashedJob(jdbc, TestJobHandlers.SLEEP.name());
        String revived = leaveCrashedJob(jdbc, TestJobHandlers.SLEEP_IDEMPOTENT.name());
        Job dead = awaitJob(secondJobs, abandoned, job -> job.status() == JobStatus.FAILED);
        assertThat(dead.error()).startsWith("JobAbandoned: instance crashed-instance stopped sending heartbeats");
        Job again = awaitJob(secondJobs, revived, job -> job.status() == JobStatus.COMPLETED);
        assertThat(again.attempts()).isEqualTo(2);
        // The final status is written right before db-scheduler removes the execution, so look until it is gone.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'chapkit-job'")
                                        .query(Long.class)
                                        .single())
                        .isZero());
    }

    @Test
    void twoInstancesOnOnePostgresShareJobs() {
        TestDatabases.Postgres pg = TestDatabases.freshPostgres();
        Database db = new Database(pg.url(), pg.username(), pg.password());
        ConfigurableApplicationContext a = start(db, "instance-a");
        ConfigurableApplicationContext b = start(db, "instance-b");
        JobManager onA = a.getBean(JobManager.class);
        JobManager onB = b.getBean(JobManager.class);

        // Each job submitted on A runs exactly once, somewhere.
        List<String> quick = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            quick.add(onA.submit(TestJobHandlers.SLEEP, new Sleep(1, 30, null), null)
                    .id());
        }
        quick.forEach(id -> awaitJob(onB, id, job -> job.status() == JobStatus.COMPLETED));
        quick.forEach(id -> assertThat(TestJobHandlers.STARTS.get(id)).hasValue(1));

        // B observes and cancels a job running on A (or wherever it landed); the worker really stops.
        Job longJob = onA.submit(TestJobHandlers.SLEEP, new Sleep(300, 100, null), null);
        Job running = awaitJob(onB, longJob.id(), job -> job.status() == JobStatus.RUNNING);
        HttpApi apiB = new HttpApi(port(b));
        assertThat(apiB.get("/api/v1/jobs/" + longJob.id()).json().get("status").asString())
                .isEqualTo("running");
        assertThat(apiB.send("DELETE", "/api/v1/jobs/" + longJob.id(), null, null)
                        .status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(TestJobHandlers.INTERRUPTED).contains(longJob.id()));
        assertThat(TestJobHandlers.CANCEL_CALLBACKS).contains(longJob.id());
        assertThat(onA.find(longJob.id())).isEmpty();
        assertThat(running.owner()).isIn("instance-a", "instance-b");

        // The instance running an idempotent job stops mid-job; the other one runs it to the end.
        Job survivor = onA.submit(TestJobHandlers.SLEEP_IDEMPOTENT, new Sleep(40, 100, null), null);
        String owner = awaitJob(onB, survivor.id(), job -> job.status() == JobStatus.RUNNING)
                .owner();
        ConfigurableApplicationContext dying = owner.equals("instance-a") ? a : b;
        JobManager other = owner.equals("instance-a") ? onB : onA;
        close(dying);
        Job done = awaitJob(other, survivor.id(), job -> job.status() == JobStatus.COMPLETED);
        assertThat(done.owner()).isNotEqualTo(owner);
        assertThat(done.attempts()).isEqualTo(2);
    }

    private static String leaveCrashedJob(JdbcClient jdbc, String type) {
        String id = Ulids.newUlid();
        Instant now = Instant.now();
        jdbc.sql("INSERT INTO jobs (id, type, status, payload, submitted_at, started_at, owner, attempts)"
                        + " VALUES (:id, :type, 'running', :payload, :submitted, :started, 'crashed-instance', 1)")
                .params(Map.of(
                        "id",
                        id,
                        "type",
                        type,
                        "payload",
                        "{\"steps\":1,\"stepMillis\":1}",
                        "submitted",
                        now.minusSeconds(120).atOffset(ZoneOffset.UTC),
                        "started",
                        now.minusSeconds(110).atOffset(ZoneOffset.UTC)))
                .update();
        jdbc.sql("INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,"
                        + " picked_by, last_heartbeat, version) VALUES ('chapkit-job', :id, :data, :time, TRUE,"
                        + " 'crashed-instance', :heartbeat, 2)")
                .params(Map.of(
                        "id", id,
                        "data", id.getBytes(StandardCharsets.UTF_8),
                        "time", now.minusSeconds(120).atOffset(ZoneOffset.UTC),
                        "heartbeat", now.minusSeconds(100).atOffset(ZoneOffset.UTC)))
                .update();
        return id;
    }

    private ConfigurableApplicationContext start(Database db, String instanceName) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TestServiceApplication.class)
                .properties(
                        "spring.datasource.url=" + db.url(),
                        "spring.datasource.username=" + db.username(),
                        "spring.datasource.password=" + db.password(),
                        "spring.datasource.hikari.maximum-pool-size=6",
                        "server.port=0",
                        "spring.main.banner-mode=off",
                        "chapkit.jobs.instance-name=" + instanceName)
                .run();
        contexts.add(context);
        return context;
    }

    private void close(ConfigurableApplicationContext context) {
        context.close();
        contexts.remove(context);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static Job awaitJob(JobManager jobs, String id, Predicate<Job> condition) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(25))
                .until(() -> jobs.find(id).orElse(null), job -> job != null && condition.test(job));
    }

    private record Database(String url, String username, String password) {}
}
