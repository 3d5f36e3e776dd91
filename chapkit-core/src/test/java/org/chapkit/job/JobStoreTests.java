package org.chapkit.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.chapkit.db.ChapkitTables;
import org.chapkit.db.Racers;
import org.chapkit.db.StoreContract;
import org.chapkit.db.StoreDatabase;
import org.chapkit.id.Ulids;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link JobStore} on H2 ({@code FINAL TABLE}) and PostgreSQL ({@code RETURNING}): the single-statement claim, the
 * state guards of every transition, the listing order and the orphan sweep against db-scheduler's table.
 */
class JobStoreTests {

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

        /** The kind of work the stored jobs are of; the store keeps its name. */
        private static final JobType<Integer> SLEEP = JobType.of("test.sleep", Integer.class);

        final JobStore store;

        Contract(StoreDatabase database) {
            super(database);
            this.store = new JobStore(database.dataSource(), ChapkitTables.DEFAULT);
        }

        @Test
        void claimMovesAPendingJobToRunningOnceAndReturnsWhatTheWorkerNeeds() {
            String id = Ulids.newUlid();
            String artifactId = Ulids.newUlid();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
            store.insert(id, SLEEP.name(), "{\"seconds\":1}", now, artifactId, traceparent, true);

            assertThat(store.claim(id, "instance-a", now.plusSeconds(1)))
                    .contains(new JobStore.Claimed(
                            SLEEP.name(), "{\"seconds\":1}", artifactId, 1, now, traceparent, true));

            Job running = store.find(id).orElseThrow();
            assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(running.owner()).isEqualTo("instance-a");
            assertThat(running.startedAt()).isEqualTo(now.plusSeconds(1));
            assertThat(running.attempts()).isEqualTo(1);
            assertThat(store.claim(id, "instance-b", now.plusSeconds(2))).isEmpty();
            assertThat(store.find(id).orElseThrow().owner()).isEqualTo("instance-a");
        }

        @Test
        void instancesRacingForOnePendingJobGetExactlyOneClaim() throws Exception {
            String id = Ulids.newUlid();
            store.insert(id, SLEEP.name(), "null", NOW, null);
            List<Optional<JobStore.Claimed>> claims = Racers.race(6, i -> store.claim(id, "instance-" + i, NOW));

            assertThat(claims).filteredOn(Optional::isPresent).hasSize(1);
            assertThat(store.find(id).orElseThrow().attempts()).isEqualTo(1);
        }

        @Test
        void aRequeuedJobIsClaimedAgainAsItsNextAttempt() {
            String id = Ulids.newUlid();
            store.insert(id, SLEEP.name(), "null", NOW, null);
            store.claim(id, "instance-a", NOW);
            assertThat(store.requeue(id)).isTrue();

            Job pending = store.find(id).orElseThrow();
            assertThat(pending.status()).isEqualTo(JobStatus.PENDING);
            assertThat(pending.owner()).isNull();
            assertThat(pending.startedAt()).isNull();
            assertThat(store.claim(id, "instance-b", NOW))
                    .contains(new JobStore.Claimed(SLEEP.name(), "null", null, 2, NOW, null, false));
        }

        @Test
        void aDeferredJobGivesBackItsAttemptAndItsProgress() {
            String id = Ulids.newUlid();
            store.insert(id, SLEEP.name(), "null", NOW, null);
            store.claim(id, "instance-a", NOW);
            store.progress(id, 0.5, "half way");

            assertThat(store.defer(id)).isTrue();

            Job pending = store.find(id).orElseThrow();
            assertThat(pending.status()).isEqualTo(JobStatus.PENDING);
            assertThat(pending.attempts()).isZero();
            assertThat(pending.progress()).isNull();
            assertThat(pending.progressMessage()).isNull();
            assertThat(store.defer(id)).as("only a running job can be deferred").isFalse();
        }

        @Test
        void onlyTheOwnerCompletesARunningJob() {
            String id = Ulids.newUlid();
            String artifactId = Ulids.newUlid();
            store.insert(id, SLEEP.name(), "null", NOW, null);
            assertThat(store.complete(id, "instance-a", artifactId, NOW))
                    .as("a pending job cannot complete")
                    .isFalse();
            store.claim(id, "instance-a", NOW);

            assertThat(store.complete(id, "instance-b", artifactId, NOW.plusSeconds(1)))
                    .isFalse();
            assertThat(store.complete(id, "instance-a", artifactId, NOW.plusSeconds(1)))
                    .isTrue();

            Job completed = store.find(id).orElseThrow();
            assertThat(completed.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(completed.artifactId()).isEqualTo(artifactId);
            assertThat(completed.finishedAt()).isEqualTo(NOW.plusSeconds(1));
        }

        @Test
        void aFinishedJobCanBeNeitherFailedNorCanceledNorRequeued() {
            String id = Ulids.newUlid();
            store.insert(id, SLEEP.name(), "null", NOW, null);
            store.claim(id, "instance-a", NOW);
            store.complete(id, "instance-a", null, NOW);

            assertThat(store.fail(id, "Boom: late", "trace", NOW)).isFalse();
            assertThat(store.cancel(id, NOW)).isFalse();
            assertThat(store.requeue(id)).isFalse();
            assertThat(store.find(id).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
        }

        @Test
        void failingRecordsTheErrorAndItsTraceback() {
            String id = Ulids.newUlid();
            store.insert(id, SLEEP.name(), "null", NOW, null);

            assertThat(store.fail(id, "Boom: bad input", "java.lang.IllegalStateException: bad input\n\tat x", NOW))
                    .isTrue();

            Job failed = store.find(id).orElseThrow();
            assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
            assertThat(failed.error()).isEqualTo("Boom: bad input");
            assertThat(failed.errorTraceback()).startsWith("java.lang.IllegalStateException");
            assertThat(store.claim(id, "instance-a", NOW)).isEmpty();
        }

        @Test
        void progressIsRecordedWhileRunningOnly() {
            String id = Ulids.newUlid();
            store.insert(id, SLEEP.name(), "null", NOW, null);
            store.progress(id, 0.25, "too early");
            assertThat(store.find(id).orElseThrow().progress()).isNull();

            store.claim(id, "instance-a", NOW);
            store.progress(id, 0.75, "three quarters");

            Job running = store.find(id).orElseThrow();
            assertThat(running.progress()).isEqualTo(0.75);
            assertThat(running.progressMessage()).isEqualTo("three quarters");
        }

        @Test
        void listsNewestFirstAndFiltersByStatus() {
            String older = Ulids.newUlid();
            String newer = Ulids.newUlid();
            store.insert(older, SLEEP.name(), "null", NOW, null);
            store.insert(newer, SLEEP.name(), "null", NOW.plusSeconds(1), null);
            store.cancel(older, NOW.plusSeconds(2));

            assertThat(store.list(null)).extracting(Job::id).containsExactly(newer, older);
            assertThat(store.list(JobStatus.CANCELED)).extracting(Job::id).containsExactly(older);
            assertThat(store.count(JobStatus.PENDING)).isEqualTo(1);
            assertThat(store.count(JobStatus.CANCELED)).isEqualTo(1);
        }

        @Test
        void existingNamesTheIdsThatStillHaveARecord() {
            String kept = Ulids.newUlid();
            String deleted = Ulids.newUlid();
            store.insert(kept, SLEEP.name(), "null", NOW, null);
            store.insert(deleted, SLEEP.name(), "null", NOW, null);
            assertThat(store.delete(deleted)).isTrue();

            assertThat(store.existing(List.of(kept, deleted, Ulids.newUlid()))).containsExactly(kept);
            assertThat(store.existing(List.of())).isEmpty();
            assertThat(store.delete(deleted)).isFalse();
            assertThat(store.claim(deleted, "instance-a", NOW)).isEmpty();
        }

        @Test
        void purgeDeletesOnlyJobsThatFinishedBeforeTheCutoff() {
            String old = Ulids.newUlid();
            String recent = Ulids.newUlid();
            String pending = Ulids.newUlid();
            store.insert(old, SLEEP.name(), "null", NOW.minusSeconds(100), null);
            store.insert(recent, SLEEP.name(), "null", NOW.minusSeconds(100), null);
            store.insert(pending, SLEEP.name(), "null", NOW.minusSeconds(100), null);
            store.cancel(old, NOW.minusSeconds(60));
            store.fail(recent, "Boom: x", null, NOW);

            assertThat(store.purgeFinishedBefore(NOW.minusSeconds(30))).isEqualTo(1);

            assertThat(store.find(old)).isEmpty();
            assertThat(store.find(recent)).isPresent();
            assertThat(store.find(pending)).isPresent();
        }

        @Test
        void theOrphanSweepFailsOnlyJobsWithoutALiveExecution() {
            Instant cutoff = NOW.minusSeconds(60);
            String runningPicked = running("picked", cutoff.minusSeconds(10));
            String runningUnpicked = running("unpicked", cutoff.minusSeconds(10));
            String runningGone = running("gone", cutoff.minusSeconds(10));
            String runningRecent = running("recent", cutoff.plusSeconds(10));
            String pendingGone = Ulids.newUlid();
            String pendingScheduled = Ulids.newUlid();
            store.insert(pendingGone, SLEEP.name(), "null", cutoff.minusSeconds(10), null);
            store.insert(pendingScheduled, SLEEP.name(), "null", cutoff.minusSeconds(10), null);
            execution("chapkit-job", runningPicked, true);
            execution("chapkit-job", runningUnpicked, false);
            execution("another-task", runningGone, true);
            execution("chapkit-job", pendingScheduled, false);

            assertThat(store.failOrphans("chapkit-job", cutoff, NOW)).isEqualTo(3);

            assertThat(store.find(runningPicked).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
            assertThat(store.find(runningRecent).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
            assertThat(store.find(pendingScheduled).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
            assertThat(store.find(runningUnpicked).orElseThrow().error()).startsWith("JobAbandoned:");
            assertThat(store.find(runningGone).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
            assertThat(store.find(pendingGone).orElseThrow().error()).startsWith("JobAbandoned:");
        }

        @Test
        void onPostgresOneStatementWritesTheRecordWithItsExecutionAndOneEndsTheAttemptAndRemovesIt() {
            boolean single = database.vendor().equals("postgresql");
            assertThat(store.singleStatementExecutions()).isEqualTo(single);
            if (!single) {
                return; // H2: the record and db-scheduler's own statements are separate
            }
            String id = Ulids.newUlid();
            String deleted = Ulids.newUlid();
            for (String job : List.of(id, deleted)) {
                store.insertWithExecution(
                        job, SLEEP.name(), "1", NOW, null, null, false, "chapkit-job", job.getBytes(), NOW);
            }
            assertThat(store.find(id).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
            assertThat(executions(id)).isEqualTo(1);
            assertThat(database.jdbc()
                            .sql("SELECT task_data FROM scheduled_tasks WHERE task_instance = :id")
                            .param("id", id)
                            .query(byte[].class)
                            .single())
                    .isEqualTo(id.getBytes());
            store.claim(id, "instance-a", NOW);
            store.claim(deleted, "instance-a", NOW);

            // A stale version removes nothing; the picked version is removed with the final status.
            assertThat(store.complete(id, "instance-a", null, NOW, new JobStore.ExecutionKey("chapkit-job", id, 7)))
                    .isTrue();
            assertThat(executions(id)).isEqualTo(1);
            store.delete(deleted);
            assertThat(store.fail(deleted, "E: x", null, NOW, new JobStore.ExecutionKey("chapkit-job", deleted, 1)))
                    .isFalse();
            assertThat(executions(deleted)).isZero(); // removed though the record was gone
            String canceled = Ulids.newUlid();
            store.insertWithExecution(
                    canceled, SLEEP.name(), "1", NOW, null, null, false, "chapkit-job", canceled.getBytes(), NOW);
            assertThat(store.cancel(canceled, NOW, new JobStore.ExecutionKey("chapkit-job", canceled, 1)))
                    .isTrue();
            assertThat(executions(canceled)).isZero();
            assertThat(store.find(canceled).orElseThrow().status()).isEqualTo(JobStatus.CANCELED);
        }

        @Test
        void onPostgresAJobsClaimIsAnInPlaceUpdateThatWritesNoIndex() {
            if (!database.vendor().equals("postgresql")) {
                return; // heap-only updates are PostgreSQL's
            }
            // One transaction, so that the statistics of this transaction count this job's updates and no other's.
            long hotUpdates = database.transactions().execute(status -> {
                String id = Ulids.newUlid();
                store.insertWithExecution(
                        id, SLEEP.name(), "1", NOW, null, null, false, "chapkit-job", id.getBytes(), NOW);
                assertThat(store.claim(id, "instance-a", NOW)).isPresent();
                assertThat(store.complete(id, "instance-a", null, NOW.plusSeconds(1)))
                        .isTrue();
                return database.jdbc()
                        .sql("SELECT pg_stat_get_xact_tuples_hot_updated('jobs'::regclass)")
                        .query(Long.class)
                        .single();
            });

            assertThat(hotUpdates)
                    .as("the claim changes no indexed column; the end sets finished_at, which is indexed")
                    .isEqualTo(1);
        }

        @Test
        void unfinishedJobsAreFoundByStatusAmongManyFinishedOnes() {
            String pending = Ulids.newUlid();
            String running = running("instance-a", NOW);
            String requeued = running("instance-b", NOW);
            store.insert(pending, SLEEP.name(), "null", NOW, null);
            assertThat(store.requeue(requeued)).isTrue();
            for (int i = 0; i < 20; i++) {
                String completed = running("instance-a", NOW);
                store.complete(completed, "instance-a", null, NOW.plusSeconds(i));
                String canceled = Ulids.newUlid();
                store.insert(canceled, SLEEP.name(), "null", NOW, null);
                store.cancel(canceled, NOW.plusSeconds(i));
            }

            assertThat(store.list(JobStatus.PENDING)).extracting(Job::id).containsExactlyInAnyOrder(pending, requeued);
            assertThat(store.list(JobStatus.RUNNING)).extracting(Job::id).containsExactly(running);
            assertThat(store.count(JobStatus.PENDING)).isEqualTo(2);
            assertThat(store.count(JobStatus.RUNNING)).isEqualTo(1);
            assertThat(store.count(JobStatus.COMPLETED)).isEqualTo(20);
            assertThat(store.list(JobStatus.CANCELED)).hasSize(20);
            assertThat(store.pendingByType().get(SLEEP.name()).count()).isEqualTo(2);
        }

        private long executions(String id) {
            return database.jdbc()
                    .sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = :id")
                    .param("id", id)
                    .query(Long.class)
                    .single();
        }

        private String running(String owner, Instant startedAt) {
            String id = Ulids.newUlid();
            store.insert(id, SLEEP.name(), "null", startedAt, null);
            store.claim(id, owner, startedAt);
            return id;
        }

        /** A db-scheduler execution row, as the scheduler writes it. */
        private void execution(String task, String instance, boolean picked) {
            database.jdbc()
                    .sql("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
                            + " VALUES (:task, :instance, :time, :picked, 1)")
                    .param("task", task)
                    .param("instance", instance)
                    .param("time", OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC))
                    .param("picked", picked)
                    .update();
        }
    }
}
