package org.chapkit.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.chapkit.db.ChapkitTables;
import org.chapkit.db.StoreContract;
import org.chapkit.db.StoreDatabase;
import org.chapkit.id.Ulids;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link JobRunLogs} on H2 and PostgreSQL: entries come back in the order logged and fold into the served log (every
 * metric point, the latest value of each, last parameter and tag wins), bad entries are refused before anything is
 * stored, an attempt's log continues the count of an earlier one, and the log goes with its job record.
 */
class JobRunLogsTests {

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

        private static final Instant NOW = Instant.parse("2026-12-02T08:00:00.123456Z");

        final JobStore jobs;
        final JobRunLogs logs;

        Contract(StoreDatabase database) {
            super(database);
            this.jobs = new JobStore(database.dataSource(), ChapkitTables.DEFAULT);
            this.logs = new JobRunLogs(database.dataSource(), ChapkitTables.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
        }

        private String job() {
            String id = Ulids.newUlid();
            jobs.insert(id, "test.train", "null", NOW, null);
            return id;
        }

        @Test
        void entriesFoldIntoTheServedLogInTheOrderTheyWereLogged() {
            String id = job();
            RunLog log = logs.forJob(id);
            log.param("alpha", "0.1");
            log.metric("rmse", 3.5, 0);
            log.metric("rmse", 2.25, 1);
            log.metric("mae", 1.0);
            log.param("alpha", "0.2");
            log.tag("stage", "fit");

            JobRunLog read = logs.read(id);
            assertThat(read.jobId()).isEqualTo(id);
            assertThat(read.metrics())
                    .containsExactly(
                            new JobRunLog.MetricPoint("rmse", 3.5, 0, NOW),
                            new JobRunLog.MetricPoint("rmse", 2.25, 1, NOW),
                            new JobRunLog.MetricPoint("mae", 1.0, 0, NOW));
            assertThat(read.latestMetrics())
                    .containsExactly(java.util.Map.entry("rmse", 2.25), java.util.Map.entry("mae", 1.0));
            assertThat(read.params()).containsExactly(java.util.Map.entry("alpha", "0.2"));
            assertThat(read.tags()).containsExactly(java.util.Map.entry("stage", "fit"));
            assertThat(log.latestMetrics()).isEqualTo(read.latestMetrics());
            assertThat(logs.read(job()).isEmpty()).isTrue();
        }

        @Test
        void badEntriesAreRefusedAndNothingIsStored() {
            String id = job();
            RunLog log = logs.forJob(id);
            assertThatThrownBy(() -> log.metric("rmse", Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("finite");
            assertThatThrownBy(() -> log.metric("rmse", 1, -1)).hasMessageContaining("negative step");
            assertThatThrownBy(() -> log.metric("r:mse", 1)).hasMessageContaining("letters, digits");
            assertThatThrownBy(() -> log.metric("", 1)).hasMessageContaining("1 to 250");
            assertThatThrownBy(() -> log.param("p", null)).hasMessageContaining("has no value");
            assertThatThrownBy(() -> log.param("p", "x".repeat(RunLog.MAX_PARAM_LENGTH + 1)))
                    .hasMessageContaining("at most 6000");
            assertThatThrownBy(() -> log.tag("t", "x".repeat(RunLog.MAX_TAG_LENGTH + 1)))
                    .hasMessageContaining("at most 5000");
            assertThatThrownBy(() -> RunLog.NONE.metric("x", Double.POSITIVE_INFINITY))
                    .hasMessageContaining("finite");
            assertThat(logs.entries(id)).isEmpty();
            log.param("p", "x".repeat(RunLog.MAX_PARAM_LENGTH));
            assertThat(logs.read(id).params().get("p")).hasSize(RunLog.MAX_PARAM_LENGTH);
        }

        @Test
        void aLaterAttemptAppendsToTheSameLogAndTheLogGoesWithItsJob() {
            String id = job();
            logs.forJob(id).metric("loss", 1.0, 0);
            logs.forJob(id).metric("loss", 0.5, 1);
            assertThat(logs.read(id).metrics())
                    .extracting(JobRunLog.MetricPoint::step)
                    .containsExactly(0L, 1L);

            assertThat(jobs.delete(id)).isTrue();
            assertThat(logs.entries(id)).isEmpty();
        }

        @Test
        void theServedRecordIsWhatTheEntriesSay() {
            List<RunLogEntry> entries = List.of(
                    RunLogEntry.metric("m", 1, 2, NOW),
                    RunLogEntry.tag("t", "v", NOW),
                    RunLogEntry.param("p", "1", NOW));
            JobRunLog folded = JobRunLog.of("job", entries);
            assertThat(folded.metrics()).hasSize(1);
            assertThat(folded.tags()).containsEntry("t", "v");
            assertThat(folded.params()).containsEntry("p", "1");
        }
    }
}
