package org.chapkit.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.chapkit.id.Ulids;
import org.chapkit.job.TestJobHandlers.Crash;
import org.chapkit.job.TestJobHandlers.Sleep;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The job system's invariant: no job stays {@code running} unless an instance that is alive runs it. Every way an
 * attempt can end (an {@link Error} in the handler, an attempt that left no result, an execution that vanished)
 * leaves the job {@code failed} with a clear error.
 */
class JobInvariantTests {

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Invariant {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Invariant {}

    abstract static class Invariant {

        @Autowired
        JobManager jobs;

        @Autowired
        JdbcClient jdbc;

        @Test
        void anOutOfMemoryErrorInTheHandlerFailsTheJob() {
            Job job = awaitFinished(jobs.submit(TestJobHandlers.CRASH, new Crash("out-of-memory"))
                    .id());

            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.error()).isEqualTo("OutOfMemoryError: Java heap space");
            assertThat(job.errorTraceback()).contains("OutOfMemoryError");
            awaitExecutionRemoved(job.id());
        }

        @Test
        void aStackOverflowInTheHandlerFailsTheJob() {
            Job job = awaitFinished(jobs.submit(TestJobHandlers.CRASH, new Crash("stack-overflow"))
                    .id());

            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.error()).isEqualTo("StackOverflowError");
            awaitExecutionRemoved(job.id());
        }

        @Test
        void aLinkageErrorInTheHandlerFailsTheJob() {
            Job job = awaitFinished(
                    jobs.submit(TestJobHandlers.CRASH, new Crash("linkage")).id());

            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.error()).isEqualTo("NoClassDefFoundError: org/example/Missing");
        }

        @Test
        void aRunningJobWhoseExecutionIsDueAgainIsFailedWhenPicked() {
            // What an attempt that died without writing its result leaves: a running record, an unpicked execution.
            String id = runningJob(Instant.now(), "gone-instance");
            jdbc.sql("INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,"
                            + " version) VALUES ('chapkit-job', :id, :data, :time, FALSE, 1)")
                    .params(Map.of(
                            "id",
                            id,
                            "data",
                            id.getBytes(StandardCharsets.UTF_8),
                            "time",
                            Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC)))
                    .update();

            Job job = awaitFinished(id);

            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.error())
                    .isEqualTo("JobAbandoned: the attempt on instance gone-instance ended without recording a result");
            awaitExecutionRemoved(id);
        }

        @Test
        void reconciliationFailsRunningJobsWithoutAnExecutionAndLeavesLiveOnesAlone() {
            String lost = runningJob(Instant.now().minus(Duration.ofMinutes(5)), "lost-instance");
            String lostPending = Ulids.newUlid();
            jdbc.sql("INSERT INTO jobs (id, type, status, payload, submitted_at, attempts)"
                            + " VALUES (:id, :type, 'pending', 'null', :submitted, 0)")
                    .param("id", lostPending)
                    .param("type", TestJobHandlers.SLEEP.name())
                    .param(
                            "submitted",
                            Instant.now().minus(Duration.ofMinutes(5)).atOffset(ZoneOffset.UTC))
                    .update();
            String recent = runningJob(Instant.now(), "starting-instance");
            Job live = jobs.submit(TestJobHandlers.SLEEP, new Sleep(200, 50, null));
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> jobs.get(live.id()).status() == JobStatus.RUNNING);

            // The periodic reconciliation may fail the orphans first, so the count of this pass is not asserted:
            // the states after it are.
            jobs.reconcile();

            assertThat(jobs.get(lost).status()).isEqualTo(JobStatus.FAILED);
            assertThat(jobs.get(lost).error())
                    .isEqualTo("JobAbandoned: no live instance was running this job any more");
            assertThat(jobs.get(lostPending).status()).isEqualTo(JobStatus.FAILED);
            assertThat(jobs.get(lostPending).error())
                    .isEqualTo("JobAbandoned: the job's execution was lost before it started");
            assertThat(jobs.get(recent).status()).isEqualTo(JobStatus.RUNNING); // within the grace period
            assertThat(jobs.get(live.id()).status()).isEqualTo(JobStatus.RUNNING);
            jobs.delete(live.id());
            jobs.delete(recent);
        }

        private String runningJob(Instant started, String owner) {
            String id = Ulids.newUlid();
            jdbc.sql("INSERT INTO jobs (id, type, status, payload, submitted_at, started_at, owner, attempts)"
                            + " VALUES (:id, :type, 'running', 'null', :started, :started, :owner, 1)")
                    .param("id", id)
                    .param("type", TestJobHandlers.SLEEP.name())
                    .param("started", started.atOffset(ZoneOffset.UTC))
                    .param("owner", owner)
                    .update();
            return id;
        }

        private Job awaitFinished(String id) {
            return await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> jobs.get(id), job -> job.status().isTerminal());
        }

        private void awaitExecutionRemoved(String id) {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = :id")
                                    .param("id", id)
                                    .query(Long.class)
                                    .single()
                            == 0);
        }
    }
}
