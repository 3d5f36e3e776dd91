package org.chapkit.taskrun.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.chapkit.db.Racers;
import org.chapkit.db.StoreContract;
import org.chapkit.db.StoreDatabase;
import org.chapkit.id.Ulids;
import org.chapkit.task.TaskStateStore;
import org.chapkit.taskrun.TaskRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link TaskRunStore} on H2 and PostgreSQL: the cluster-wide concurrency slots (held while run and job are
 * running, never over the limit even when instances race), the result cache and the attempt history.
 */
class TaskRunStoreTests {

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(StoreDatabase.h2());
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(StoreDatabase.postgres());
        }
    }

    abstract static class Contract extends StoreContract {

        private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123Z");
        private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

        final TaskRunStore store;

        Contract(StoreDatabase database) {
            super(database);
            this.store = new TaskRunStore(database.jdbc());
        }

        @BeforeEach
        void empty() {
            new TaskStateStore(database.jdbc(), CLOCK).markSeen(List.of("train", "other"));
        }

        @Test
        void anAttemptReadsBackAsSubmittedAndAsFinished() {
            String schedule = Ulids.newUlid();
            TaskRun submitted = run("train", "hash-1", null, schedule, NOW.minusSeconds(60));
            store.insert(submitted);
            assertThat(store.find(submitted.jobId())).contains(submitted);

            String artifact = Ulids.newUlid();
            store.finish(submitted.jobId(), "completed", artifact, null, NOW);

            TaskRun finished = store.find(submitted.jobId()).orElseThrow();
            assertThat(finished.status()).isEqualTo("completed");
            assertThat(finished.artifactId()).isEqualTo(artifact);
            assertThat(finished.finishedAt()).isEqualTo(NOW);
            assertThat(store.find(Ulids.newUlid())).isEmpty();
        }

        @Test
        void aSlotIsTakenUpToTheLimitAndFreedWhenTheAttemptEnds() {
            TaskRun first = pendingRun("train");
            TaskRun second = pendingRun("train");
            TaskRun third = pendingRun("train");

            assertThat(acquire(first, 2)).isTrue();
            assertThat(acquire(second, 2)).isTrue();
            assertThat(acquire(third, 2)).as("both slots are held").isFalse();
            assertThat(store.find(third.jobId()).orElseThrow().status()).isEqualTo("pending");
            assertThat(acquire(pendingRun("other"), 2)).as("slots are per task").isTrue();

            store.finish(first.jobId(), "failed", null, "Boom: x", NOW);
            assertThat(acquire(third, 2)).isTrue();
            assertThat(store.find(third.jobId()).orElseThrow()).satisfies(run -> {
                assertThat(run.status()).isEqualTo("running");
                assertThat(run.startedAt()).isEqualTo(NOW);
            });
        }

        @Test
        void anAttemptWhoseJobIsNoLongerRunningHoldsNoSlot() {
            TaskRun dead = pendingRun("train");
            assertThat(acquire(dead, 1)).isTrue();
            database.jdbc()
                    .sql("UPDATE jobs SET status = 'failed' WHERE id = :id")
                    .param("id", dead.jobId())
                    .update();

            assertThat(acquire(pendingRun("train"), 1)).isTrue();
        }

        @Test
        void withoutALimitEveryAttemptRuns() {
            for (int i = 0; i < 5; i++) {
                assertThat(acquire(pendingRun("train"), 0)).isTrue();
            }
        }

        @Test
        void instancesRacingForTheLastSlotGetItOnce() throws InterruptedException {
            List<TaskRun> runs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                runs.add(pendingRun("train"));
            }

            List<Boolean> acquired = Racers.race(runs.size(), i -> acquire(runs.get(i), 1));

            assertThat(acquired).containsOnlyOnce(true);
        }

        @Test
        void theCacheAnswersWithTheNewestCompletedRunOfTheSameParamsSinceTheCutoff() {
            TaskRun old = pendingRun("train", "hash-1");
            TaskRun newer = pendingRun("train", "hash-1");
            TaskRun failed = pendingRun("train", "hash-1");
            TaskRun otherParams = pendingRun("train", "hash-2");
            store.finish(old.jobId(), "completed", "artifact-old", null, NOW.minusSeconds(30));
            store.finish(newer.jobId(), "completed", "artifact-new", null, NOW.minusSeconds(10));
            store.finish(failed.jobId(), "failed", null, "Boom: x", NOW);
            store.finish(otherParams.jobId(), "completed", "artifact-other", null, NOW);

            assertThat(store.findCached("train", "hash-1", NOW.minusSeconds(60)))
                    .contains("artifact-new");
            assertThat(store.findCached("train", "hash-1", NOW.minusSeconds(5))).isEmpty();
            assertThat(store.findCached("other", "hash-1", NOW.minusSeconds(60)))
                    .isEmpty();
        }

        @Test
        void attemptsAndScheduledRunsAreListedInOrder() {
            String firstJob = Ulids.newUlid();
            String schedule = Ulids.newUlid();
            TaskRun attempt1 = new TaskRun(
                    firstJob,
                    "train",
                    firstJob,
                    1,
                    "h",
                    null,
                    schedule,
                    NOW.plusSeconds(10),
                    "failed",
                    NOW,
                    NOW,
                    null,
                    null,
                    null);
            TaskRun attempt2 = new TaskRun(
                    Ulids.newUlid(),
                    "train",
                    firstJob,
                    2,
                    "h",
                    null,
                    null,
                    null,
                    "pending",
                    NOW,
                    NOW,
                    null,
                    null,
                    null);
            TaskRun earlierTick = run("train", "h", null, schedule, NOW);
            store.insert(attempt2);
            store.insert(attempt1);
            store.insert(earlierTick);

            assertThat(store.attempts(firstJob)).extracting(TaskRun::attempt).containsExactly(1, 2);
            assertThat(store.ofSchedule(schedule))
                    .extracting(TaskRun::jobId)
                    .containsExactly(earlierTick.jobId(), attempt1.jobId());
        }

        @Test
        void referencesToARemovedTaskAreFoundAndDeleted() {
            pendingRun("train");
            pendingRun("removed");

            assertThat(store.sourceName()).isEqualTo("task_runs");
            assertThat(store.referencedTaskNames()).containsExactlyInAnyOrder("train", "removed");
            assertThat(store.deleteReferences("removed")).isEqualTo(1);
            assertThat(store.referencedTaskNames()).containsExactly("train");
        }

        private boolean acquire(TaskRun run, int limit) {
            return database.transactions()
                    .execute(status -> store.acquireSlot(run.jobId(), run.taskName(), limit, CLOCK));
        }

        private TaskRun pendingRun(String task) {
            return pendingRun(task, "hash");
        }

        /** A pending attempt whose job a worker is running, as when the task invoker asks for a slot. */
        private TaskRun pendingRun(String task, String paramsHash) {
            TaskRun run = run(task, paramsHash, null, null, null);
            database.jdbc()
                    .sql("INSERT INTO jobs (id, type, status, submitted_at, attempts)"
                            + " VALUES (:id, 'chapkit.task', 'running', :now, 1)")
                    .param("id", run.jobId())
                    .param("now", OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC))
                    .update();
            store.insert(run);
            return run;
        }

        private static TaskRun run(String task, String paramsHash, String artifact, String schedule, Instant tick) {
            String job = Ulids.newUlid();
            return new TaskRun(
                    job, task, job, 1, paramsHash, artifact, schedule, tick, "pending", NOW, NOW, null, null, null);
        }
    }
}
