package org.chapkit.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.chapkit.db.ChapkitTables;
import org.chapkit.id.Ulids;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The single-statement claim of {@link JobStore} on H2 ({@code FINAL TABLE}) and PostgreSQL ({@code RETURNING}). */
class JobStoreTests {

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Claims {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Claims {}

    abstract static class Claims {

        @Autowired
        DataSource dataSource;

        JobStore store;

        @BeforeEach
        void createStore() {
            store = new JobStore(dataSource, ChapkitTables.DEFAULT);
        }

        @Test
        void claimMovesAPendingJobToRunningOnceAndReturnsWhatTheWorkerNeeds() {
            String id = Ulids.newUlid();
            String artifactId = Ulids.newUlid();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            store.insert(id, TestJobHandlers.SLEEP.name(), "{\"seconds\":1}", now, artifactId);

            assertThat(store.claim(id, "instance-a", now.plusSeconds(1)))
                    .contains(new JobStore.Claimed(TestJobHandlers.SLEEP.name(), "{\"seconds\":1}", artifactId, 1));

            Job running = store.find(id).orElseThrow();
            assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(running.owner()).isEqualTo("instance-a");
            assertThat(running.startedAt()).isEqualTo(now.plusSeconds(1));
            assertThat(running.attempts()).isEqualTo(1);
            assertThat(store.claim(id, "instance-b", now.plusSeconds(2))).isEmpty();
            assertThat(store.find(id).orElseThrow().owner()).isEqualTo("instance-a");
            store.delete(id);
        }

        @Test
        void aRequeuedJobIsClaimedAgainAsItsNextAttempt() {
            String id = Ulids.newUlid();
            Instant now = Instant.now();
            store.insert(id, TestJobHandlers.SLEEP.name(), "null", now, null);
            store.claim(id, "instance-a", now);
            store.requeue(id);

            assertThat(store.claim(id, "instance-b", now))
                    .contains(new JobStore.Claimed(TestJobHandlers.SLEEP.name(), "null", null, 2));
            store.delete(id);
        }

        @Test
        void aDeletedJobCannotBeClaimed() {
            String id = Ulids.newUlid();
            store.insert(id, TestJobHandlers.SLEEP.name(), "null", Instant.now(), null);
            store.delete(id);

            assertThat(store.claim(id, "instance-a", Instant.now())).isEmpty();
        }
    }
}
