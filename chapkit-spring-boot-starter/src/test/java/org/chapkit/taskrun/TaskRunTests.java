package org.chapkit.taskrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.job.Job;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobStatus;
import org.chapkit.taskrun.internal.TaskRunStore;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.chapkit.testtasks.JobTestTasks;
import org.chapkit.testtasks.TaskRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Tasks run as jobs over a real port, on H2 and on PostgreSQL: injection, results and errors as artifacts, retries
 * with backoff, timeouts, the result cache, and schedules fired by the cluster's poller after downtime.
 */
class TaskRunTests {

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Contract {}

    abstract static class Contract {

        @LocalServerPort
        int port;

        @Autowired
        JobManager jobs;

        @Autowired
        ArtifactManager artifacts;

        @Autowired
        TaskRunStore taskRuns;

        @Autowired
        JdbcClient jdbc;

        HttpApi api;
        TaskRuns runs;

        @BeforeEach
        void connect() {
            api = new HttpApi(port);
            runs = new TaskRuns(jobs, artifacts);
        }

        @Test
        void frameworkTypesAreInjectedAndTheResultIsARootArtifact() {
            String configId = api.postJson(
                            "/api/v1/configs", "{\"name\":\"for-task\",\"data\":{\"prediction_periods\":5}}")
                    .json()
                    .get("id")
                    .asString();

            HttpApi.Response accepted = api.postJson(
                    "/api/v1/tasks/inject_all/$execute",
                    "{\"params\":{\"config_id\":\"" + configId + "\",\"note\":\"hi\"}}");

            assertThat(accepted.status()).isEqualTo(202);
            String jobId = accepted.json().get("job_id").asString();
            String artifactId = accepted.json().get("artifact_id").asString();
            JsonNode outcome = runs.awaitOutcome(jobId);
            assertThat(outcome.get("task_name").asString()).isEqualTo("inject_all");
            assertThat(outcome.get("params").toString())
                    .isEqualTo("{\"config_id\":\"" + configId + "\",\"note\":\"hi\"}");
            assertThat(outcome.get("error").isNull()).isTrue();
            assertThat(outcome.get("result").toString())
                    .isEqualTo("{\"artifacts_counted\":true,\"config_exists\":true,\"job_id\":\"" + jobId
                            + "\",\"reserved_artifact_id\":\"" + artifactId
                            + "\",\"prediction_periods\":5,\"note\":\"hi\"}");
            Job job = jobs.get(jobId);
            assertThat(job.artifactId()).isEqualTo(artifactId);
            assertThat(job.progress()).isEqualTo(0.5);
            JsonNode stored = api.get("/api/v1/artifacts/" + artifactId).json();
            assertThat(stored.get("level").asInt()).isZero();
            assertThat(stored.get("parent_id").isNull()).isTrue();

            JsonNode schema = api.get("/api/v1/tasks/inject_all").json().get("parameters");
            assertThat(schema.get("properties")
                            .get("artifacts")
                            .get("x-injected")
                            .asBoolean())
                    .isTrue();
            assertThat(schema.get("properties").get("configs").get("x-injected").asBoolean())
                    .isTrue();
            assertThat(schema.get("properties").get("context").get("x-injected").asBoolean())
                    .isTrue();
            assertThat(schema.get("properties").get("config").get("x-injected").asBoolean())
                    .isTrue();
        }

        @Test
        void theConfigIdIsCheckedBeforeAnyJobExists() {
            long before =
                    jdbc.sql("SELECT COUNT(*) FROM task_runs").query(Long.class).single();

            assertThat(errors(api.postJson("/api/v1/tasks/inject_all/$execute", "{\"params\":{\"note\":\"x\"}}")))
                    .containsExactly("params.config_id: is required");
            assertThat(errors(
                            api.postJson("/api/v1/tasks/inject_all/$execute", "{\"params\":{\"config_id\":\"nope\"}}")))
                    .containsExactly("params.config_id: must be a config id (a ULID)");
            assertThat(errors(api.postJson(
                            "/api/v1/tasks/inject_all/$execute",
                            "{\"params\":{\"config_id\":\"01ARZ3NDEKTSV4RRFFQ69G5FAV\"}}")))
                    .containsExactly("params.config_id: config 01ARZ3NDEKTSV4RRFFQ69G5FAV not found");

            assertThat(jdbc.sql("SELECT COUNT(*) FROM task_runs")
                            .query(Long.class)
                            .single())
                    .isEqualTo(before);
        }

        @Test
        void failedAttemptsAreRetriedAsNewJobsAfterTheBackoff() {
            String key = UUID.randomUUID().toString();
            String firstJobId = execute("flaky", "{\"key\":\"" + key + "\",\"failures\":2,\"fatal\":false}");

            List<TaskRun> attempts = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> taskRuns.attempts(firstJobId),
                            list -> list.size() == 3 && list.get(2).status().equals("completed"));

            assertThat(attempts).extracting(TaskRun::attempt).containsExactly(1, 2, 3);
            assertThat(attempts).extracting(TaskRun::status).containsExactly("retrying", "retrying", "completed");
            // The backoff: 300 ms after the first failure, 600 ms after the second (multiplier 2, no jitter).
            assertThat(Duration.between(
                            attempts.get(0).finishedAt(), attempts.get(1).scheduledFor()))
                    .isEqualTo(Duration.ofMillis(300));
            assertThat(Duration.between(
                            attempts.get(1).finishedAt(), attempts.get(2).scheduledFor()))
                    .isEqualTo(Duration.ofMillis(600));
            assertThat(attempts.get(1).startedAt())
                    .isAfterOrEqualTo(attempts.get(1).scheduledFor());
            assertThat(attempts.get(2).startedAt())
                    .isAfterOrEqualTo(attempts.get(2).scheduledFor());

            // Each attempt is a job in the history; the failed ones name the next attempt.
            Job first = jobs.get(firstJobId);
            assertThat(first.status()).isEqualTo(JobStatus.FAILED);
            assertThat(first.error())
                    .startsWith("TaskAttemptFailedException: Attempt 1 of 3 of task 'flaky' failed"
                            + " (IllegalStateException: failure 1 of " + key + "); attempt 2 runs as job "
                            + attempts.get(1).jobId());
            // The run's record is written by the handler; the job's a moment later, when the handler has returned.
            Job last = await().atMost(Duration.ofSeconds(30))
                    .until(() -> jobs.get(attempts.get(2).jobId()), job -> job.status() == JobStatus.COMPLETED);
            assertThat(last.artifactId()).isEqualTo(first.reservedArtifactId());
            assertThat(artifacts.get(last.artifactId()).data().get("result").asString())
                    .isEqualTo("ok after 3");
        }

        @Test
        void exhaustedOrNonRetryableFailuresStoreTheErrorAndCompleteTheJob() {
            String key = UUID.randomUUID().toString();
            String fatalJob = execute("flaky", "{\"key\":\"" + key + "\",\"failures\":0,\"fatal\":true}");
            JsonNode fatal = runs.awaitOutcome(fatalJob);
            assertThat(fatal.get("result").isNull()).isTrue();
            assertThat(fatal.get("error").get("type").asString()).isEqualTo("IllegalArgumentException");
            assertThat(fatal.get("error").get("message").asString()).isEqualTo("bad input " + key);
            assertThat(fatal.get("error").get("traceback").asString()).contains("JobTestTasks.flaky");
            assertThat(taskRuns.attempts(fatalJob)).hasSize(1);

            String other = UUID.randomUUID().toString();
            String exhausted = execute("flaky", "{\"key\":\"" + other + "\",\"failures\":5,\"fatal\":false}");
            List<TaskRun> attempts = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> taskRuns.attempts(exhausted),
                            list -> list.size() == 3 && list.get(2).status().equals("failed"));
            JsonNode outcome = artifacts.get(attempts.get(2).artifactId()).data();
            assertThat(outcome.get("error").get("message").asString()).isEqualTo("failure 3 of " + other);
            assertThat(JobTestTasks.CALLS.get("flaky:" + other)).hasValue(3);
        }

        @Test
        void aRunLongerThanItsTimeoutIsCancelledAndFails() {
            String jobId = execute("slow", "{\"millis\":20000}");

            JsonNode outcome = runs.awaitOutcome(jobId);

            assertThat(outcome.get("error").get("type").asString()).isEqualTo("TaskTimeoutException");
            assertThat(outcome.get("error").get("message").asString())
                    .isEqualTo("Task 'slow' exceeded its timeout of PT0.3S");
            assertThat(JobTestTasks.CALLS.get("slow-cancel-callback")).isNotNull();
            assertThat(taskRuns.find(jobId).orElseThrow().status()).isEqualTo("failed");
        }

        @Test
        void identicalParamsWithinTheCacheTtlAnswerWithTheStoredArtifact() {
            String key = UUID.randomUUID().toString();
            HttpApi.Response first = api.postJson(
                    "/api/v1/tasks/cached_square/$execute", "{\"params\":{\"key\":\"" + key + "\",\"x\":7}}");
            JsonNode outcome = runs.awaitOutcome(first.json().get("job_id").asString());
            assertThat(outcome.get("result").asInt()).isEqualTo(49);

            // Same params in another key order: the same canonical JSON.
            HttpApi.Response again = api.postJson(
                    "/api/v1/tasks/cached_square/$execute", "{\"params\":{\"x\":7,\"key\":\"" + key + "\"}}");
            assertThat(again.status()).isEqualTo(202);
            assertThat(again.json().get("artifact_id").asString())
                    .isEqualTo(first.json().get("artifact_id").asString());
            Job cachedJob = runs.awaitJob(again.json().get("job_id").asString());
            assertThat(cachedJob.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(cachedJob.artifactId())
                    .isEqualTo(first.json().get("artifact_id").asString());
            assertThat(taskRuns.find(cachedJob.id()).orElseThrow().status()).isEqualTo("cached");
            assertThat(JobTestTasks.CALLS.get("square:" + key)).hasValue(1);

            HttpApi.Response different = api.postJson(
                    "/api/v1/tasks/cached_square/$execute", "{\"params\":{\"key\":\"" + key + "\",\"x\":8}}");
            assertThat(runs.awaitOutcome(different.json().get("job_id").asString())
                            .get("result")
                            .asInt())
                    .isEqualTo(64);
            assertThat(JobTestTasks.CALLS.get("square:" + key)).hasValue(2);
        }

        @Test
        void afterDowntimeThePollerAppliesEachMissedRunPolicy() {
            Instant now = Instant.now();
            String runAll = downtime("run_all", 3, now);
            String runOnce = downtime("run_once", 10, now);
            String skip = downtime("skip", 10, now);

            for (String id : List.of(runAll, runOnce, skip)) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> Instant.parse(api.get("/api/v1/schedules/" + id)
                                        .json()
                                        .get("next_run_at")
                                        .asString())
                                .isAfter(now));
            }

            // Ticks were due at now-5h+30m … now-30m: five missed ticks.
            Instant firstMissed = now.minus(Duration.ofMinutes(270)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            assertThat(taskRuns.ofSchedule(runAll))
                    .extracting(TaskRun::tick)
                    .containsExactly(
                            firstMissed.plus(Duration.ofHours(2)),
                            firstMissed.plus(Duration.ofHours(3)),
                            firstMissed.plus(Duration.ofHours(4)));
            assertThat(taskRuns.ofSchedule(runOnce))
                    .extracting(TaskRun::tick)
                    .containsExactly(firstMissed.plus(Duration.ofHours(4)));
            assertThat(taskRuns.ofSchedule(skip)).isEmpty();
            JsonNode after = api.get("/api/v1/schedules/" + runAll).json();
            assertThat(Instant.parse(after.get("last_run_at").asString()))
                    .isEqualTo(firstMissed.plus(Duration.ofHours(4)));
            assertThat(after.get("last_job_id").asString())
                    .isEqualTo(taskRuns.ofSchedule(runAll).get(2).jobId());
            assertThat(Instant.parse(after.get("next_run_at").asString()))
                    .isEqualTo(firstMissed.plus(Duration.ofHours(5)));
            for (String id : List.of(runAll, runOnce, skip)) {
                api.send("DELETE", "/api/v1/schedules/" + id, null, null);
            }
        }

        /** A schedule whose instances were all down for five hours: its next tick is long past. */
        private String downtime(String policy, int cap, Instant now) {
            String id = api.postJson(
                            "/api/v1/schedules",
                            "{\"task\":\"tick\",\"params\":{\"key\":\"" + policy + "\"},\"interval\":\"1h\","
                                    + "\"missed_run_policy\":\"" + policy + "\",\"missed_run_cap\":" + cap + "}")
                    .json()
                    .get("id")
                    .asString();
            jdbc.sql("UPDATE schedules SET next_run_at = :due WHERE id = :id")
                    .param(
                            "due",
                            now.minus(Duration.ofMinutes(270))
                                    .truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                                    .atOffset(ZoneOffset.UTC))
                    .param("id", id)
                    .update();
            return id;
        }

        private String execute(String task, String params) {
            HttpApi.Response response =
                    api.postJson("/api/v1/tasks/" + task + "/$execute", "{\"params\":" + params + "}");
            assertThat(response.status()).as(response.toString()).isEqualTo(202);
            return response.json().get("job_id").asString();
        }

        private static List<String> errors(HttpApi.Response response) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            List<String> errors = new ArrayList<>();
            response.json()
                    .get("errors")
                    .forEach(e -> errors.add(
                            e.get("field").asString() + ": " + e.get("message").asString()));
            return errors;
        }
    }
}
