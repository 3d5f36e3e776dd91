package org.chapkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.chapkit.TestServiceApplication;
import org.chapkit.job.Job;
import org.chapkit.job.JobAttempt;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobStatus;
import org.chapkit.job.TestJobHandlers;
import org.chapkit.test.HttpApi;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The graceful drain of a cluster member, two instances on one embedded PostgreSQL database: {@code drain-a} (the
 * leader) runs a short and a long idempotent job and is closed. Its readiness goes to refusing traffic first thing,
 * its leadership passes to {@code drain-b} while it still drains, the short job completes on it within the grace
 * period (derived from {@code spring.lifecycle.timeout-per-shutdown-phase}), and the long one is handed back: pending
 * again, run on {@code drain-b} as attempt 2, its cut attempt recorded. So is a run of a task declared {@code
 * @Task(idempotent = true)} (with a concurrency limit of 1, taken again on {@code drain-b}); another task's cut run
 * fails naming the instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterDrainTests {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    private TestDatabases.Postgres database;
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;

    @BeforeAll
    void startTwoInstances() {
        database = TestDatabases.freshPostgres();
        a = start("drain-a");
        await().atMost(WITHIN).until(() -> a.getBean(ClusterLeadership.class).isLeader());
        b = start("drain-b");
    }

    @AfterAll
    void stopAll() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void aStoppingMemberRefusesTrafficHandsLeadershipOverFinishesShortJobsAndHandsTheRestBack() {
        JobManager jobsA = a.getBean(JobManager.class);
        JobManager jobsB = b.getBean(JobManager.class);
        assertThat(jobsA.settings().shutdownGrace())
                .as("spring.lifecycle.timeout-per-shutdown-phase (8s) less db-scheduler's stop (5s)")
                .isEqualTo(Duration.ofSeconds(3));
        Map<ReadinessState, Instant> readiness = new ConcurrentHashMap<>();
        a.addApplicationListener((ApplicationListener<AvailabilityChangeEvent<?>>) event -> {
            if (event.getState() instanceof ReadinessState state) {
                readiness.putIfAbsent(state, Instant.now());
            }
        });

        jobsB.fence(); // b claims nothing for now: both jobs run on a
        String shortJob = jobsA.submit(TestJobHandlers.SLEEP, new TestJobHandlers.Sleep(10, 100, null))
                .id();
        String longJob = jobsA.submit(TestJobHandlers.SLEEP_IDEMPOTENT, new TestJobHandlers.Sleep(100, 100, null))
                .id();
        HttpApi apiA = new HttpApi(a.getEnvironment().getProperty("local.server.port", Integer.class));
        JsonNode rerunnable = apiA.postJson(
                        "/api/v1/tasks/rerunnable_wait/$execute", "{\"params\":{\"key\":\"drain\",\"millis\":30000}}")
                .json();
        String rerunnableTask = rerunnable.get("job_id").asString();
        String plainTask = apiA.postJson(
                        "/api/v1/tasks/plain_wait/$execute", "{\"params\":{\"key\":\"drain\",\"millis\":30000}}")
                .json()
                .get("job_id")
                .asString();
        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(jobsA.get(shortJob).status()).isEqualTo(JobStatus.RUNNING);
            assertThat(jobsA.get(longJob).status()).isEqualTo(JobStatus.RUNNING);
            assertThat(jobsA.get(rerunnableTask).status()).isEqualTo(JobStatus.RUNNING);
            assertThat(jobsA.get(plainTask).status()).isEqualTo(JobStatus.RUNNING);
        });
        jobsB.unfence();
        long firstEpoch = a.getBean(ClusterLeadership.class).epoch().orElseThrow();

        Instant closing = Instant.now();
        CompletableFuture<Instant> closed = CompletableFuture.supplyAsync(() -> {
            a.close();
            return Instant.now();
        });
        ClusterLeadership leadershipB = b.getBean(ClusterLeadership.class);
        await().atMost(WITHIN).until(leadershipB::isLeader);
        Instant newLeader = Instant.now();
        Instant closedAt = closed.join();

        assertThat(readiness).containsKey(ReadinessState.REFUSING_TRAFFIC);
        assertThat(leadershipB.epoch().orElseThrow()).isGreaterThan(firstEpoch);
        assertThat(newLeader)
                .as("leadership passed on while the jobs still drained")
                .isBefore(closedAt);
        assertThat(Duration.between(closing, closedAt))
                .as("the drain ends about within the shutdown phase (8 s), with slack for a loaded machine")
                .isLessThan(Duration.ofSeconds(12));

        Job finished = jobsB.get(shortJob);
        assertThat(finished.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(finished.owner()).isEqualTo("drain-a");

        Job handedBack =
                await().atMost(WITHIN).until(() -> jobsB.get(longJob), job -> job.status() == JobStatus.COMPLETED);
        assertThat(handedBack.owner()).isEqualTo("drain-b");
        assertThat(handedBack.attempts()).isEqualTo(2);
        List<JobAttempt> attempts = jobsB.attempts(longJob).orElseThrow();
        assertThat(attempts).singleElement().satisfies(attempt -> {
            assertThat(attempt.instanceId()).isEqualTo("drain-a");
            assertThat(attempt.outcome()).isEqualTo(JobAttempt.REQUEUED);
            assertThat(attempt.reason()).isEqualTo("instance drain-a shut down while the attempt was running");
        });

        // a task declared @Task(idempotent = true) is handed back too, and its concurrency slot (1) is free again
        Job rerun = await().atMost(WITHIN)
                .until(() -> jobsB.get(rerunnableTask), job -> job.status() == JobStatus.COMPLETED);
        assertThat(rerun.owner()).isEqualTo("drain-b");
        assertThat(rerun.attempts()).isEqualTo(2);
        assertThat(jobsB.attempts(rerunnableTask).orElseThrow())
                .singleElement()
                .satisfies(attempt -> assertThat(attempt.outcome()).isEqualTo(JobAttempt.REQUEUED));
        HttpApi apiB = new HttpApi(b.getEnvironment().getProperty("local.server.port", Integer.class));
        JsonNode outcome = apiB.get(
                        "/api/v1/artifacts/" + rerunnable.get("artifact_id").asString())
                .json()
                .get("data");
        assertThat(outcome.get("result").asInt())
                .as("the second call of the task ran to the end")
                .isEqualTo(2);
        assertThat(outcome.get("error").isNull()).isTrue();
        // any other task's cut run fails, naming the instance
        Job cut = jobsB.get(plainTask);
        assertThat(cut.status()).isEqualTo(JobStatus.FAILED);
        assertThat(cut.error()).contains("instance drain-a shut down");
        a = null;
    }

    private ConfigurableApplicationContext start(String name) {
        // as command-line arguments: above the test service's application.properties (short job timings)
        return new SpringApplicationBuilder(TestServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--spring.datasource.hikari.maximum-pool-size=8",
                        "--chapkit.jobs.max-concurrency=4",
                        "--chapkit.jobs.instance-name=" + name,
                        "--chapkit.jobs.shutdown-grace=", // none: derived from the shutdown phase timeout
                        "--spring.lifecycle.timeout-per-shutdown-phase=8s",
                        "--chapkit.cluster.enabled=true",
                        "--chapkit.cluster.heartbeat-interval=200ms",
                        "--chapkit.cluster.missed-heartbeats=5",
                        "--chapkit.cluster.leader-lock-ttl=2s",
                        "--chapkit.cluster.leader-heartbeat=300ms",
                        "--chapkit.cluster.leader-busy-wait=100ms");
    }
}
