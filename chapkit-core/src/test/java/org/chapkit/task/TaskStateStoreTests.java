package org.chapkit.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.chapkit.db.Racers;
import org.chapkit.db.StoreContract;
import org.chapkit.db.StoreDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link TaskStateStore} on H2 and PostgreSQL: enabled flags that survive restarts and instances racing to set them. */
class TaskStateStoreTests {

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

        final TaskStateStore store;

        Contract(StoreDatabase database) {
            super(database);
            this.store = new TaskStateStore(
                    database.jdbc(), Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
        }

        @Test
        void aTaskIsEnabledUntilDisabled() {
            assertThat(store.isEnabled("train")).isTrue();

            store.setEnabled("train", false);
            assertThat(store.isEnabled("train")).isFalse();
            store.setEnabled("train", true);

            assertThat(store.enabledByName()).containsExactlyEntriesOf(java.util.Map.of("train", true));
        }

        @Test
        void seeingATaskAgainKeepsItsFlag() {
            store.markSeen(List.of("train", "predict"));
            store.setEnabled("train", false);

            store.markSeen(List.of("train", "predict", "validate"));

            assertThat(store.enabledByName())
                    .containsEntry("train", false)
                    .containsEntry("predict", true)
                    .containsEntry("validate", true);
        }

        @Test
        void instancesStartingTogetherRecordEachTaskOnce() throws InterruptedException {
            Racers.race(4, i -> {
                store.markSeen(List.of("train", "predict"));
                return null;
            });
            Racers.race(4, i -> {
                store.setEnabled("new-task", false);
                return null;
            });

            assertThat(store.referencedTaskNames()).containsExactlyInAnyOrder("train", "predict", "new-task");
            assertThat(store.isEnabled("new-task")).isFalse();
        }

        @Test
        void aRemovedTaskLosesItsState() {
            store.markSeen(List.of("train", "removed"));

            assertThat(store.sourceName()).isEqualTo("task_state");
            assertThat(store.deleteReferences("removed")).isEqualTo(1);
            assertThat(store.referencedTaskNames()).containsExactly("train");
        }
    }
}
