package org.chapkit.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.chapkit.db.Racers;
import org.chapkit.db.StoreContract;
import org.chapkit.db.StoreDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event log on H2 and PostgreSQL: appending transactions only insert, a sequencer numbers what committed, and
 * readers see an event only once it has its position — in commit order for readers, in append order per subject.
 */
class EventLogTests {

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

    /** A test event of a subject. */
    record Happened(String subject, int n) implements ChapkitEvent {

        @Override
        public String eventType() {
            return "org.chapkit.test.happened";
        }

        @Override
        public String eventSubject() {
            return subject;
        }
    }

    static void pause() {
        try {
            Thread.sleep(3);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    abstract static class Contract extends StoreContract {

        final TransactionTemplate transactions;

        Contract(StoreDatabase database) {
            super(database);
            this.transactions = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        }

        EventLog log(String instance) {
            return new EventLog(
                    database.dataSource(),
                    new DataSourceTransactionManager(database.dataSource()),
                    StoreDatabase.MAPPER,
                    EventSettings.defaults("/chapkit/test/" + instance, instance),
                    Clock.systemUTC());
        }

        @BeforeEach
        void emptyTheLog() {
            database.jdbc().sql("DELETE FROM events").update();
            database.jdbc().sql("DELETE FROM event_subjects").update();
            database.jdbc().sql("UPDATE event_log_head SET position = 0").update();
        }

        @Test
        void aCommittedEventIsReadableOnlyOnceSequencedWithItsSubjectsNextNumber() {
            EventLog log = log("a");
            log.publish(new Happened("things/1", 1));
            transactions.executeWithoutResult(status -> {
                log.publish(new Happened("things/1", 2));
                log.publish(new Happened("things/2", 1));
                log.publish(new Happened("things/1", 3));
            });

            assertThat(log.read(0, List.of(), null, 100)).isEmpty();
            assertThat(log.head()).isZero();

            assertThat(log.sequence()).isEqualTo(4);
            List<EventEnvelope> events = log.read(0, List.of(), null, 100);
            assertThat(events).extracting(EventEnvelope::position).containsExactly(1L, 2L, 3L, 4L);
            assertThat(events)
                    .extracting(e -> e.subject() + "#" + e.sequence())
                    .containsExactly("things/1#1", "things/1#2", "things/2#1", "things/1#3");
            assertThat(events).extracting(e -> e.data().get("n").asInt()).containsExactly(1, 2, 1, 3);
            assertThat(log.head()).isEqualTo(4);
            assertThat(log.sequence()).isZero();

            log.publish(new Happened("things/2", 2));
            log.sequence();
            assertThat(log.read(4, List.of(), "things/2", 100))
                    .extracting(e -> e.position() + ":" + e.sequence())
                    .containsExactly("5:2");
        }

        @Test
        void aTransactionThatRollsBackPublishesNothing() {
            EventLog log = log("a");
            try {
                transactions.executeWithoutResult(status -> {
                    log.publish(new Happened("things/1", 1));
                    throw new IllegalStateException("roll back");
                });
            } catch (IllegalStateException expected) {
                // rolled back
            }
            transactions.executeWithoutResult(status -> {
                log.publish(new Happened("things/1", 2));
                status.setRollbackOnly();
            });
            log.publish(new Happened("things/1", 3));

            log.sequence();
            assertThat(log.read(0, List.of(), null, 100))
                    .extracting(e -> e.data().get("n").asInt() + "#" + e.sequence())
                    .containsExactly("3#1");
            assertThat(database.jdbc()
                            .sql("SELECT COUNT(*) FROM events")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }

        /**
         * Eight writers commit 40 transactions each (one to three events over five subjects) while two instances'
         * sequencers and a reader run: the reader, which only ever asks for events after the last one it saw, ends
         * with the whole log — positions 1..n without a gap, so none ever appeared behind its cursor — and each
         * subject's events are numbered 1, 2, 3, … in the order its writer published them.
         */
        @Test
        void concurrentWritersTwoSequencersAndAReaderSeeOneGaplessLogInOrderPerSubject() throws Exception {
            EventLog a = log("a");
            EventLog b = log("b");
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicBoolean racing = new AtomicBoolean(true);
            List<EventEnvelope> seen = new CopyOnWriteArrayList<>();
            Thread reader = Thread.ofPlatform().start(() -> {
                long after = 0;
                while (true) {
                    boolean last = !writing.get();
                    List<EventEnvelope> batch = a.read(after, List.of(), null, 50);
                    seen.addAll(batch);
                    if (!batch.isEmpty()) {
                        after = batch.getLast().position();
                    } else if (last) {
                        return;
                    } else {
                        pause();
                    }
                }
            });
            List<Thread> sequencers = new ArrayList<>();
            for (EventLog log : List.of(a, b)) {
                sequencers.add(Thread.ofPlatform().start(() -> {
                    while (racing.get()) {
                        log.sequence();
                        pause();
                    }
                }));
            }
            Racers.race(8, writer -> {
                EventLog log = writer % 2 == 0 ? a : b;
                for (int t = 0; t < 40; t++) {
                    int events = 1 + (writer + t) % 3;
                    int first = t * 3;
                    transactions.executeWithoutResult(status -> {
                        for (int e = 0; e < events; e++) {
                            // A writer owns its subjects, as a job owns its own: its order is the subject's order.
                            log.publish(new Happened("w" + writer + "/s" + ((first + e) % 5), first + e));
                        }
                    });
                }
                return null;
            });
            racing.set(false);
            for (Thread sequencer : sequencers) {
                sequencer.join();
            }
            a.sequence();
            writing.set(false);
            reader.join();

            long total = database.jdbc()
                    .sql("SELECT COUNT(*) FROM events")
                    .query(Long.class)
                    .single();
            assertThat(seen).hasSize((int) total);
            List<Long> expected = new ArrayList<>();
            for (long p = 1; p <= total; p++) {
                expected.add(p);
            }
            assertThat(seen).extracting(EventEnvelope::position).containsExactlyElementsOf(expected);
            Map<String, List<EventEnvelope>> bySubject = new LinkedHashMap<>();
            seen.forEach(e -> bySubject
                    .computeIfAbsent(e.subject(), s -> new ArrayList<>())
                    .add(e));
            Map<String, Integer> problems = new HashMap<>();
            bySubject.forEach((subject, events) -> {
                for (int i = 0; i < events.size(); i++) {
                    if (events.get(i).sequence() != i + 1
                            || (i > 0
                                    && events.get(i).data().get("n").asInt()
                                            <= events.get(i - 1).data().get("n").asInt())) {
                        problems.merge(subject, 1, Integer::sum);
                    }
                }
            });
            assertThat(problems).as("subjects out of order").isEmpty();
            assertThat(a.head()).isEqualTo(total);
        }
    }
}
