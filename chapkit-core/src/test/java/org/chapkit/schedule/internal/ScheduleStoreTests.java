package org.chapkit.schedule.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.chapkit.db.Racers;
import org.chapkit.db.StoreContract;
import org.chapkit.db.StoreDatabase;
import org.chapkit.id.Ulids;
import org.chapkit.schedule.Schedule;
import org.chapkit.task.MissedRunPolicy;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link ScheduleStore} on H2 and PostgreSQL: definitions of every trigger kind, the due query, the tick claim that
 * exactly one instance wins, and declared schedules.
 */
class ScheduleStoreTests {

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

        final ScheduleStore store;

        Contract(StoreDatabase database) {
            super(database);
            this.store = new ScheduleStore(database.jdbc(), StoreDatabase.MAPPER);
        }

        @Test
        void everyKindOfTriggerReadsBackAsWritten() {
            Schedule cron = schedule("train", "0 0 * * * *", null, null, NOW.plusSeconds(60));
            Schedule interval = schedule("train", null, "PT30S", null, NOW.plusSeconds(30));
            Schedule once = schedule("train", null, null, NOW.plusSeconds(90), NOW.plusSeconds(90));
            store.insert(cron, null);
            store.insert(interval, null);
            store.insert(once, null);

            assertThat(store.find(cron.id())).contains(cron);
            assertThat(store.find(interval.id())).contains(interval);
            assertThat(store.find(once.id())).contains(once);
            assertThat(store.find(Ulids.newUlid())).isEmpty();
        }

        @Test
        void dueSchedulesAreTheEnabledOnesWhoseTickHasComeEarliestFirst() {
            Schedule late = insert("train", NOW.minusSeconds(10));
            Schedule early = insert("train", NOW.minusSeconds(20));
            Schedule exactlyNow = insert("train", NOW);
            insert("train", NOW.plusSeconds(1));
            Schedule disabled = insert("train", NOW.minusSeconds(30));
            store.setEnabled(disabled.id(), false, NOW.minusSeconds(30), NOW);

            assertThat(store.due(NOW, 10))
                    .extracting(Schedule::id)
                    .containsExactly(early.id(), late.id(), exactlyNow.id());
            assertThat(store.due(NOW, 2)).extracting(Schedule::id).containsExactly(early.id(), late.id());
        }

        @Test
        void aTickIsClaimedOnceAmongRacingInstances() throws InterruptedException {
            Instant due = NOW.minusSeconds(1);
            Schedule schedule = insert("train", due);

            List<Boolean> claims = Racers.race(6, i -> store.claim(schedule.id(), due, NOW.plusSeconds(29), NOW));

            assertThat(claims).containsOnlyOnce(true);
            assertThat(store.find(schedule.id()).orElseThrow().nextRunAt()).isEqualTo(NOW.plusSeconds(29));
            assertThat(store.claim(schedule.id(), due, NOW.plusSeconds(59), NOW))
                    .as("the tick moved on")
                    .isFalse();
        }

        @Test
        void aDisabledScheduleCannotBeClaimed() {
            Schedule schedule = insert("train", NOW);
            store.setEnabled(schedule.id(), false, NOW, NOW);

            assertThat(store.claim(schedule.id(), NOW, NOW.plusSeconds(30), NOW))
                    .isFalse();
        }

        @Test
        void aNewDefinitionKeepsTheRunHistory() {
            Schedule schedule = insert("train", NOW);
            String job = Ulids.newUlid();
            store.recordRun(schedule.id(), NOW, job, NOW.plusSeconds(1));

            Schedule redefined = new Schedule(
                    schedule.id(),
                    "train",
                    params("{\"epochs\":5}"),
                    null,
                    "PT1M",
                    null,
                    "Europe/Oslo",
                    true,
                    MissedRunPolicy.RUN_ALL,
                    7,
                    NOW.plusSeconds(60),
                    null,
                    null,
                    false,
                    schedule.createdAt(),
                    NOW.plusSeconds(2));
            store.updateDefinition(redefined);

            Schedule read = store.find(schedule.id()).orElseThrow();
            assertThat(read.interval()).isEqualTo("PT1M");
            assertThat(read.cron()).isNull();
            assertThat(read.params()).isEqualTo(params("{\"epochs\":5}"));
            assertThat(read.timeZone()).isEqualTo("Europe/Oslo");
            assertThat(read.missedRunPolicy()).isEqualTo(MissedRunPolicy.RUN_ALL);
            assertThat(read.missedRunCap()).isEqualTo(7);
            assertThat(read.lastRunAt()).isEqualTo(NOW);
            assertThat(read.lastJobId()).isEqualTo(job);
            assertThat(read.updatedAt()).isEqualTo(NOW.plusSeconds(2));
        }

        @Test
        void aTaskDeclaresAtMostOneSchedule() {
            Schedule declared = schedule("train", null, "PT30S", null, NOW);
            store.insert(declared, "train");
            store.insert(schedule("train", null, "PT30S", null, NOW), null);

            assertThat(store.findDeclared("train").orElseThrow().declaredInCode())
                    .isTrue();
            assertThat(store.findDeclared("other")).isEmpty();
            assertThat(store.listDeclared()).extracting(Schedule::id).containsExactly(declared.id());
            assertThat(store.list("train")).hasSize(2);
            assertThatThrownBy(() -> store.insert(schedule("train", null, "PT30S", null, NOW), "train"))
                    .isInstanceOf(DataIntegrityViolationException.class);
        }

        @Test
        void referencesToARemovedTaskAreFoundAndDeleted() {
            insert("train", NOW);
            Schedule removed = insert("removed", NOW);

            assertThat(store.referencedTaskNames()).containsExactlyInAnyOrder("train", "removed");
            assertThat(store.list("removed")).extracting(Schedule::id).containsExactly(removed.id());
            assertThat(store.deleteReferences("removed")).isEqualTo(1);
            assertThat(store.list(null)).extracting(Schedule::task).containsExactly("train");
            assertThat(store.delete(removed.id())).isFalse();
        }

        private Schedule insert(String task, Instant nextRunAt) {
            Schedule schedule = schedule(task, null, "PT30S", null, nextRunAt);
            store.insert(schedule, null);
            return schedule;
        }

        private static Schedule schedule(String task, String cron, String interval, Instant runAt, Instant next) {
            return new Schedule(
                    Ulids.newUlid(),
                    task,
                    params("{\"epochs\":3}"),
                    cron,
                    interval,
                    runAt,
                    "UTC",
                    true,
                    MissedRunPolicy.RUN_ONCE,
                    10,
                    next,
                    null,
                    null,
                    false,
                    NOW,
                    NOW);
        }

        private static ObjectNode params(String json) {
            return (ObjectNode) StoreDatabase.MAPPER.readTree(json);
        }
    }
}
