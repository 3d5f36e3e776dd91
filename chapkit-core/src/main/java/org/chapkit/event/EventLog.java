package org.chapkit.event;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.chapkit.id.Ulids;
import org.chapkit.time.UtcTimestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The durable event log, chapkit's transactional outbox: {@link #publish(ChapkitEvent)} writes an event in the
 * transaction of the state change; the log is read in order by the dispatcher, the HTTP history and the change
 * stream.
 *
 * <p>Events published in a transaction are inserted together right before it commits, without a position: appending
 * transactions do not wait for each other. After the commit a single sequencer (run by the {@link EventDispatcher};
 * one at a time across instances) gives them their positions and per-subject sequence
 * numbers in append order; readers see an event once it has its position. Those listening with
 * {@link #onAppended(Runnable)} hear of an append after its commit (the dispatcher, which then sequences it).
 */
public final class EventLog implements EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventLog.class);
    private static final int SEQUENCER_BATCH = 500;

    private final EventStore store;
    private final ObjectMapper mapper;
    private final EventSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Object resourceKey = new Object();

    /**
     * Creates the log.
     *
     * @param dataSource the database holding the log
     * @param transactionManager that database's transaction manager
     * @param mapper writes event records as JSON (chapkit's stored-JSON mapper)
     * @param settings the source, tables and delivery settings
     * @param clock the source of event times
     */
    public EventLog(
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            ObjectMapper mapper,
            EventSettings settings,
            Clock clock) {
        this.store = new EventStore(dataSource, settings.tables(), mapper);
        this.mapper = mapper;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    public void publish(ChapkitEvent event) {
        Objects.requireNonNull(event, "event");
        EventStore.Pending pending = new EventStore.Pending(
                Ulids.newUlid(),
                event.eventType(),
                settings.source(),
                event.eventSubject(),
                UtcTimestamps.now(clock),
                mapper.writeValueAsString(event));
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            store.append(List.of(pending)); // one statement: auto-committed
            appended();
            return;
        }
        @SuppressWarnings("unchecked")
        List<EventStore.Pending> batch =
                (List<EventStore.Pending>) TransactionSynchronizationManager.getResource(resourceKey);
        if (batch == null) {
            List<EventStore.Pending> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(resourceKey, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    store.append(created);
                }

                @Override
                public void afterCommit() {
                    appended();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(resourceKey);
                }
            });
            batch = created;
        }
        batch.add(pending);
    }

    /**
     * Numbers the committed events that have no position yet, in append order, as many as there are; one sequencer at
     * a time (the log's head row is its lock).
     *
     * @return how many events were numbered
     */
    int sequence() {
        int limit = Math.max(settings.batchSize(), SEQUENCER_BATCH);
        int total = 0;
        int numbered;
        do {
            numbered = Objects.requireNonNull(transactions.execute(status -> store.sequence(limit)));
            total += numbered;
        } while (numbered == limit);
        return total;
    }

    /**
     * Calls {@code listener} after every commit that appended events (on the committing thread: keep it short).
     *
     * @param listener what to call
     */
    public void onAppended(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void appended() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException ex) {
                // A listener only speeds delivery up; the dispatcher's polling delivers the events anyway.
                log.warn("An event log listener failed: {}", ex.toString());
            }
        }
    }

    /**
     * The position of the last sequenced event (committed events get theirs right after their commit).
     *
     * @return the head, 0 for an empty log
     */
    public long head() {
        return store.head();
    }

    /**
     * Events after {@code after} in log order, filtered.
     *
     * @param after a position (0 for the oldest kept)
     * @param types event types to keep (empty for all)
     * @param subject the subject to keep, or null for all
     * @param limit at most this many
     * @return the events
     */
    public List<EventEnvelope> read(long after, List<String> types, String subject, int limit) {
        return store.read(Math.max(0, after), EventStore.nonBlank(types), subject, Math.max(1, limit));
    }

    /**
     * The event at {@code position}, if the log still keeps it.
     *
     * @param position its place in the log
     * @return the event
     */
    public Optional<EventEnvelope> event(long position) {
        return store.event(position);
    }

    /**
     * Deletes events older than the retention that every destination has had.
     *
     * @return how many were deleted
     */
    public int purge() {
        Instant cutoff = clock.instant().minus(settings.retention());
        return store.purge(cutoff);
    }

    /** The settings. */
    public EventSettings settings() {
        return settings;
    }

    EventStore store() {
        return store;
    }

    TransactionTemplate transactions() {
        return transactions;
    }

    Clock clock() {
        return clock;
    }
}
