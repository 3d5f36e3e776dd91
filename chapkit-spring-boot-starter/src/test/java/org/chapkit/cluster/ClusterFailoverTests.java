package org.chapkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chapkit.TestServiceApplication;
import org.chapkit.job.Job;
import org.chapkit.job.JobAttempt;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobStatus;
import org.chapkit.job.TestJobHandlers;
import org.chapkit.ml.ShellModelRequests;
import org.chapkit.test.HttpApi;
import org.chapkit.test.TestDatabases;
import org.chapkit.time.UtcTimestamps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A worker killed for real: one instance runs in this JVM ({@code node-local}, started first, so the leader), the other
 * in a child JVM ({@code node-child}, {@link ClusterInstanceMain} on this test class path), both on one embedded
 * PostgreSQL database with the default cluster timings (2 s heartbeats, 6 missed) and the default job heartbeats (5 s,
 * 6 missed: db-scheduler's own dead-execution handling would act only after 30 s, so the cluster's recovery is what
 * is seen). The child runs a {@code $predict} whose shell model sleeps and a non-idempotent sleep job; it is killed with
 * {@link Process#destroyForcibly()} (SIGKILL) mid-run. The leader declares it dead and takes both jobs over: the
 * prediction runs again here and completes (attempt 2, the cut attempt recorded), the other job fails with an error
 * naming the dead instance. The detection and recovery times are measured and logged (docs/cluster.md quotes them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterFailoverTests {

    private static final Logger log = LoggerFactory.getLogger(ClusterFailoverTests.class);
    private static final String LOCAL = "node-local";
    private static final String CHILD = "node-child";
    private static final Duration STARTUP = Duration.ofMinutes(4);

    private TestDatabases.Postgres database;
    private ConfigurableApplicationContext local;
    private Process child;
    private Path childLog;

    @BeforeAll
    void startTwoInstances() throws IOException {
        database = TestDatabases.freshPostgres();
        // as command-line arguments: above the test service's application.properties (short job heartbeats)
        local = new SpringApplicationBuilder(TestServiceApplication.class)
                .run(instanceProperties(LOCAL).stream()
                        .map(property -> "--" + property)
                        .toArray(String[]::new));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> local.getBean(ClusterLeadership.class).isLeader());
        childLog = Files.createTempFile("cluster-failover-child", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                ClusterInstanceMain.class.getName()));
        instanceProperties(CHILD).forEach(property -> command.add("--" + property));
        // The child's prediction takes a minute: it is killed long before.
        command.add("--chapkit.ml.shell.predict-command=python3 scripts/slow_predict.py 60 --historic {historic_file}"
                + " --future {future_file} --output {output_file}");
        command.add("--chapkit.ml.shell.timeout=5m");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true)
                .redirectOutput(childLog.toFile());
        builder.environment().put("CLASSPATH", testClassPath());
        child = builder.start();
    }

    @AfterAll
    void stopInstances() {
        if (child != null) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
        if (local != null) {
            local.close();
        }
    }

    @Test
    void aKilledInstancesPredictionRunsAgainElsewhereAndItsOtherJobFailsNamingIt() throws Exception {
        JdbcClient jdbc = local.getBean(JdbcClient.class);
        await().atMost(STARTUP)
                .pollInterval(Duration.ofMillis(500))
                .failFast("the child instance exited; its log is " + childLog, () -> !child.isAlive())
                .until(() -> memberState(jdbc, CHILD).filter("ALIVE"::equals).isPresent());
        HttpApi localApi = new HttpApi(port(local));
        HttpApi childApi = new HttpApi(jdbc.sql("SELECT port FROM cluster_members WHERE instance_id = ?")
                .param(CHILD)
                .query(Integer.class)
                .single());
        String trainingId = train(localApi);

        // The local instance claims nothing for now, so that both jobs land on the child.
        JobManager localJobs = local.getBean(JobManager.class);
        localJobs.fence();
        HttpApi.Response submitted = childApi.postJson("/api/v1/ml/$predict", ShellModelRequests.predict(trainingId));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        String predictId = submitted.json().get("job_id").asString();
        String sleepId = localJobs
                .submit(TestJobHandlers.SLEEP, new TestJobHandlers.Sleep(600, 100, null))
                .id();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(localJobs.get(predictId).status()).isEqualTo(JobStatus.RUNNING);
            assertThat(localJobs.get(predictId).owner()).isEqualTo(CHILD);
            assertThat(localJobs.get(sleepId).status()).isEqualTo(JobStatus.RUNNING);
            assertThat(localJobs.get(sleepId).owner()).isEqualTo(CHILD);
        });
        localJobs.unfence();

        List<ProcessHandle> shellModels = child.descendants().toList();
        Instant killed = Instant.now();
        child.destroyForcibly();
        child.waitFor();
        shellModels.forEach(ProcessHandle::destroyForcibly);

        Instant[] declaredDead = new Instant[1];
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (declaredDead[0] == null
                            && memberState(jdbc, CHILD).filter("DEAD"::equals).isPresent()) {
                        declaredDead[0] = Instant.now();
                    }
                    return localJobs.get(predictId).status().isTerminal()
                            && localJobs.get(sleepId).status().isTerminal();
                });
        Instant lastHeartbeat = jdbc.sql("SELECT last_heartbeat FROM cluster_members WHERE instance_id = ?")
                .param(CHILD)
                .query((rs, row) -> UtcTimestamps.read(rs, "last_heartbeat"))
                .single();

        Job predict = localJobs.get(predictId);
        assertThat(predict.status()).as(String.valueOf(predict.error())).isEqualTo(JobStatus.COMPLETED);
        assertThat(predict.owner()).isEqualTo(LOCAL);
        assertThat(predict.attempts()).isEqualTo(2);
        List<JobAttempt> predictAttempts = localJobs.attempts(predictId).orElseThrow();
        assertThat(predictAttempts).singleElement().satisfies(attempt -> {
            assertThat(attempt.attempt()).isEqualTo(1);
            assertThat(attempt.instanceId()).isEqualTo(CHILD);
            assertThat(attempt.outcome()).isEqualTo(JobAttempt.REQUEUED);
            assertThat(attempt.reason()).contains("instance node-child was declared dead");
        });
        JsonNode served =
                localApi.get("/api/v1/jobs/" + predictId + "/$attempts").json();
        assertThat(served.get(0).get("instance_id").asString()).isEqualTo(CHILD);
        assertThat(served.get(0).get("outcome").asString()).isEqualTo("requeued");

        Job sleep = localJobs.get(sleepId);
        assertThat(sleep.status()).isEqualTo(JobStatus.FAILED);
        assertThat(sleep.error()).startsWith("JobAbandoned: instance node-child was declared dead");
        assertThat(localJobs.attempts(sleepId).orElseThrow())
                .singleElement()
                .satisfies(attempt -> assertThat(attempt.outcome()).isEqualTo(JobAttempt.FAILED));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE picked_by = ?")
                        .param(CHILD)
                        .query(Long.class)
                        .single())
                .as("every execution the dead instance held was taken over")
                .isZero();

        Instant recovered = predictAttempts.getFirst().endedAt();
        Duration detection = Duration.between(killed, declaredDead[0]);
        Duration recovery = Duration.between(killed, recovered);
        Duration rerun = Duration.between(killed, predict.finishedAt());
        String figures = "kill -9 of " + CHILD + " → declared DEAD after " + millis(detection) + " (its last heartbeat "
                + millis(Duration.between(lastHeartbeat, killed)) + " before the kill), jobs taken over after "
                + millis(recovery) + ", $predict completed on " + LOCAL + " after " + millis(rerun)
                + " (heartbeat 2s × 6 missed)";
        log.info("Cluster failover: {}", figures);
        System.out.println("CLUSTER-FAILOVER-TIMINGS " + figures);
        assertThat(detection)
                .as("declared dead within the 14 s bound (12 s without heartbeat plus one beat), with slack for a"
                        + " loaded machine")
                .isLessThan(Duration.ofSeconds(25));
        assertThat(recovery).isGreaterThanOrEqualTo(detection.minusSeconds(1));
    }

    private List<String> instanceProperties(String name) {
        return List.of(
                "server.port=0",
                "spring.main.banner-mode=off",
                "spring.datasource.url=" + database.url(),
                "spring.datasource.username=" + database.username(),
                "spring.datasource.password=" + database.password(),
                "spring.datasource.hikari.maximum-pool-size=4",
                "chapkit.jobs.instance-name=" + name,
                "chapkit.cluster.enabled=true",
                // the defaults, stated: what docs/cluster.md quotes
                "chapkit.cluster.heartbeat-interval=2s",
                "chapkit.cluster.missed-heartbeats=6",
                "chapkit.jobs.heartbeat-interval=5s",
                "chapkit.jobs.missed-heartbeats-limit=6");
    }

    private static Optional<String> memberState(JdbcClient jdbc, String instance) {
        return jdbc.sql("SELECT state FROM cluster_members WHERE instance_id = ?")
                .param(instance)
                .query(String.class)
                .optional();
    }

    private String train(HttpApi api) {
        String config = api.postJson("/api/v1/configs", ShellModelRequests.config("failover"))
                .json()
                .get("id")
                .asString();
        HttpApi.Response trained = api.postJson("/api/v1/ml/$train", ShellModelRequests.train(config));
        assertThat(trained.status()).as(trained.toString()).isEqualTo(202);
        JobManager jobs = local.getBean(JobManager.class);
        String jobId = trained.json().get("job_id").asString();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jobs.get(jobId).status().isTerminal());
        assertThat(jobs.get(jobId).status())
                .as(String.valueOf(jobs.get(jobId).error()))
                .isEqualTo(JobStatus.COMPLETED);
        return trained.json().get("artifact_id").asString();
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** The test class path: surefire's (its booter jar only points to it), or this JVM's. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static String millis(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
