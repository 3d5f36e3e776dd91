package org.chapkit.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the event log to every destination after commit. Each destination has a cursor in
 * {@code event_deliveries} (the last position it has had) and a lease: one instance at a time delivers to it, a batch
 * after batch in log order, on a virtual thread of its own, so a slow or failing destination holds up only itself. A
 * failed delivery is retried with the destination's backoff, and the cursor stays where it is until the event is
 * delivered (or, with a bounded policy, dead-lettered): nothing is lost, order per subject is kept. Each tick first
 * runs the log's sequencer, which gives the events committed since (by any instance) their positions.
 *
 * <p>Metrics per destination (tag {@code destination}): {@code chapkit.events.delivered}, {@code
 * chapkit.events.retries}, {@code chapkit.events.dead.letters} (counters) and {@code chapkit.events.lag} (events
 * not yet delivered).
 */
public final class EventDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final EventLog events;
    private final EventStore store;
    private final EventSettings settings;
    private final List<EventDestination> fixed;
    private final List<EventDestinations> dynamic;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ScheduledExecutorService ticker;
    private final ExecutorService pumps = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<String> pumping = ConcurrentHashMap.newKeySet();
    private final Set<String> rerun = ConcurrentHashMap.newKeySet();
    private final Map<String, Meters> metersByDestination = new ConcurrentHashMap<>();
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private final Object lifecycle = new Object();
    private volatile boolean running;
    private volatile boolean closed;

    /**
     * Creates the dispatcher; nothing is delivered before {@link #start()}.
     *
     * @param events the log to deliver
     * @param fixed the destinations of the application context
     * @param dynamic sets of destinations that change at run time (webhook endpoints)
     * @param meters where delivery metrics go
     */
    public EventDispatcher(
            EventLog events,
            Collection<? extends EventDestination> fixed,
            Collection<? extends EventDestinations> dynamic,
            MeterRegistry meters) {
        this.events = events;
        this.store = events.store();
        this.settings = events.settings();
        this.fixed = List.copyOf(fixed);
        this.dynamic = List.copyOf(dynamic);
        this.meters = meters;
        this.clock = events.clock();
        this.ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("chapkit-events-dispatcher")
                .daemon(true)
                .factory());
        Map<String, EventDestination> names = new LinkedHashMap<>();
        for (EventDestination destination : this.fixed) {
            EventDestination previous = names.putIfAbsent(destination.name(), destination);
            if (previous != null) {
                throw new IllegalStateException("Two event destinations are named '" + destination.name() + "': "
                        + previous.getClass().getName() + " and "
                        + destination.getClass().getName());
            }
        }
        events.onAppended(this::wakeUp);
    }

    /**
     * Creates the delivery rows of the fixed destinations (at the log's head when new) and starts delivering: at once,
     * after every local commit that appended events, and every poll interval for events of other instances.
     */
    public void start() {
        synchronized (lifecycle) {
            if (running || closed) {
                return;
            }
            fixed.forEach(destination -> store.ensureDestination(destination.name()));
            running = true;
            long period = Math.max(1, settings.pollInterval().toMillis());
            ticker.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops delivering: waits for the deliveries in flight (up to 10 s) and gives up this instance's leases. */
    public void stop() {
        synchronized (lifecycle) {
            if (!running) {
                return;
            }
            running = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!pumping.isEmpty() && System.nanoTime() < deadline) {
                try {
                    TimeUnit.MILLISECONDS.sleep(10);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            try {
                store.release(settings.instanceName());
            } catch (RuntimeException ex) {
                log.warn(
                        "Releasing the event delivery leases of {} failed: {}", settings.instanceName(), ex.toString());
            }
        }
    }

    /** Whether it delivers. */
    public boolean isRunning() {
        return running;
    }

    /** Looks for events to deliver now rather than at the next poll (called after each local commit). */
    public void wakeUp() {
        if (running && tickQueued.compareAndSet(false, true)) {
            try {
                ticker.execute(this::tick);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                tickQueued.set(false);
            }
        }
    }

    /**
     * The delivery state of every destination known to the database, registered here or not.
     *
     * @return the states, by name
     */
    public List<DestinationState> destinations() {
        long head = store.head();
        Set<String> registered = ConcurrentHashMap.newKeySet();
        current().forEach(destination -> registered.add(destination.name()));
        List<DestinationState> states = new ArrayList<>();
        for (EventStore.Delivery row : store.deliveries()) {
            states.add(new DestinationState(
                    row.destination(),
                    registered.contains(row.destination()),
                    row.position(),
                    Math.max(0, head - row.position()),
                    row.attempts(),
                    row.failingSince(),
                    row.nextAttemptAt(),
                    row.lastError(),
                    row.owner(),
                    row.delivered(),
                    row.deadLettered()));
        }
        return states;
    }

    /**
     * Creates the delivery state of a destination at the log's head now (in the caller's transaction, if any), so
     * that it gets every event committed after this; does nothing when it has one. For destinations created at run
     * time (webhook endpoints); those of the application context get theirs at {@link #start()}.
     *
     * @param destination the destination's name
     */
    public void track(String destination) {
        store.ensureDestination(destination);
    }

    /**
     * Deletes the delivery state and the dead letters of a destination that is gone for good.
     *
     * @param destination the destination's name
     */
    public void forget(String destination) {
        store.deleteDestination(destination);
    }

    /**
     * Delivers {@code destination} again from just after {@code position} (events the log still keeps).
     *
     * @param destination the destination's name
     * @param position the last event it should be taken to have had (0 for the oldest kept)
     * @return false when no destination of that name is known
     */
    public boolean replay(String destination, long position) {
        boolean done = store.rewind(destination, Math.max(0, position));
        wakeUp();
        return done;
    }

    /**
     * Dead letters, oldest first.
     *
     * @param destination only this destination's, or null for all
     * @return the dead letters
     */
    public List<DeadLetter> deadLetters(String destination) {
        return store.deadLetters(destination);
    }

    /**
     * One dead letter.
     *
     * @param id its id
     * @return the dead letter
     */
    public Optional<DeadLetter> deadLetter(String id) {
        return store.deadLetter(id);
    }

    /**
     * Delivers a dead letter's event to its destination once more, now, on the calling thread.
     *
     * @param id the dead letter
     * @return what happened
     */
    public ReplayResult replayDeadLetter(String id) {
        Optional<DeadLetter> found = store.deadLetter(id);
        if (found.isEmpty()) {
            return ReplayResult.NOT_FOUND;
        }
        DeadLetter letter = found.get();
        Optional<? extends EventDestination> destination = current().stream()
                .filter(d -> d.name().equals(letter.destination()))
                .findFirst();
        Optional<EventEnvelope> event = store.event(letter.position());
        if (destination.isEmpty() || event.isEmpty()) {
            return ReplayResult.GONE;
        }
        try {
            destination.get().deliver(event.get());
        } catch (Exception ex) {
            store.replayFailed(id, errorLine(ex));
            return ReplayResult.FAILED;
        }
        store.replayed(id, clock.instant());
        meters(letter.destination()).delivered.increment();
        return ReplayResult.DELIVERED;
    }

    /** The outcome of {@link #replayDeadLetter(String)}. */
    public enum ReplayResult {
        /** The destination accepted the event. */
        DELIVERED,
        /** The destination failed again; the dead letter stays. */
        FAILED,
        /** No such dead letter. */
        NOT_FOUND,
        /** The destination is not registered here, or the log no longer keeps the event. */
        GONE
    }

    @Override
    public void close() {
        stop();
        closed = true;
        ticker.shutdownNow();
        pumps.shutdownNow();
    }

    private List<EventDestination> current() {
        List<EventDestination> all = new ArrayList<>(fixed);
        for (EventDestinations set : dynamic) {
            all.addAll(set.current());
        }
        return all;
    }

    private void tick() {
        tickQueued.set(false);
        if (!running) {
            return;
        }
        try {
            events.sequence(); // numbers what was committed since the last tick (here and on other instances)
            long head = store.head();
            Map<String, EventStore.Delivery> rows = new LinkedHashMap<>();
            store.deliveries().forEach(row -> rows.put(row.destination(), row));
            Instant now = clock.instant();
            for (EventDestination destination : current()) {
                EventStore.Delivery row = rows.get(destination.name());
                if (row == null) {
                    store.ensureDestination(destination.name());
                    continue; // created at the head: nothing to deliver yet
                }
                Meters meters = meters(destination.name());
                meters.lag.set(Math.max(0, head - row.position()));
                if (row.position() >= head
                        || (row.nextAttemptAt() != null && row.nextAttemptAt().isAfter(now))
                        || (row.owner() != null
                                && !row.owner().equals(settings.instanceName())
                                && row.leaseUntil() != null
                                && row.leaseUntil().isAfter(now))) {
                    continue;
                }
                if (!pumping.add(destination.name())) {
                    rerun.add(destination.name()); // its pump may be past its last read: look again after it
                    continue;
                }
                pumps.execute(() -> {
                    try {
                        pump(destination);
                    } finally {
                        pumping.remove(destination.name());
                        if (rerun.remove(destination.name())) {
                            wakeUp();
                        }
                    }
                });
            }
        } catch (RuntimeException ex) {
            // The next tick tries again; a database hiccup must not stop delivery.
            log.warn("Looking for events to deliver failed: {}", ex.toString());
        }
    }

    /**
     * Delivers to one destination until it is caught up, fails, or this instance loses its lease: a read batch at a
     * time, handed to {@link EventDestination#deliverAll(List)} (the events it accepts), with one cursor update per
     * batch. A crash before that update delivers the batch again (at least once).
     */
    private void pump(EventDestination destination) {
        String name = destination.name();
        String owner = settings.instanceName();
        DeliveryPolicy policy = destination.policy().orElse(settings.policy());
        Meters meters = meters(name);
        try {
            while (running) {
                Instant now = clock.instant();
                EventStore.Delivery row = store.delivery(name).orElse(null);
                if (row == null
                        || (row.nextAttemptAt() != null && row.nextAttemptAt().isAfter(now))) {
                    return;
                }
                // Renew the lease only when it is not ours or half of it has gone: one write less per batch.
                if ((!owner.equals(row.owner())
                                || row.leaseUntil() == null
                                || row.leaseUntil()
                                        .isBefore(now.plus(settings.lease().dividedBy(2))))
                        && !store.lease(name, owner, now, now.plus(settings.lease()))) {
                    return;
                }
                List<EventEnvelope> batch = store.read(row.position(), List.of(), null, settings.batchSize());
                if (batch.isEmpty()) {
                    return;
                }
                if (!deliverBatch(destination, policy, meters, row, batch) || batch.size() < settings.batchSize()) {
                    // Caught up (a short batch): events numbered meanwhile come with the tick that numbered them.
                    return;
                }
            }
        } catch (RuntimeException ex) {
            log.warn("Delivering events to {} failed: {}", name, ex.toString());
        }
    }

    /**
     * Delivers one read batch and moves the cursor past what was delivered, skipped or dead-lettered.
     *
     * @return whether to go on with the next batch (false after a failure to retry later, or a lost lease)
     */
    private boolean deliverBatch(
            EventDestination destination,
            DeliveryPolicy policy,
            Meters meters,
            EventStore.Delivery row,
            List<EventEnvelope> batch) {
        String name = destination.name();
        String owner = settings.instanceName();
        int attempts = row.attempts();
        int from = 0;
        while (from < batch.size()) {
            if (!running) {
                return false;
            }
            List<EventEnvelope> accepted = new ArrayList<>();
            for (int i = from; i < batch.size(); i++) {
                if (destination.accepts(batch.get(i))) {
                    accepted.add(batch.get(i));
                }
            }
            if (accepted.isEmpty()) {
                // Nothing left it wants: the rest counts as delivered (skipped).
                return store.advance(name, owner, batch.getLast().position(), 0);
            }
            PartialDeliveryException partial = null;
            try {
                destination.deliverAll(accepted);
            } catch (PartialDeliveryException ex) {
                partial = ex;
            } catch (RuntimeException ex) {
                partial = new PartialDeliveryException(0, ex);
            }
            if (partial == null) {
                meters.delivered.increment(accepted.size());
                // the lease went to another instance when this fails: it delivers from its cursor
                return store.advance(name, owner, batch.getLast().position(), accepted.size());
            }
            int delivered = Math.min(Math.max(0, partial.delivered()), accepted.size() - 1);
            EventEnvelope refused = accepted.get(delivered);
            meters.delivered.increment(delivered);
            long before = refused.position() - 1; // everything before the refused event was delivered or skipped
            if (before > row.position() && !store.advance(name, owner, before, delivered)) {
                return false;
            }
            Throwable cause = partial.getCause() != null ? partial.getCause() : partial;
            int failures = (delivered > 0 ? 0 : attempts) + 1;
            String error = errorLine(cause);
            Instant failedAt = clock.instant();
            if (!policy.exhausted(failures)) {
                Instant since =
                        row.failingSince() != null && attempts > 0 && delivered == 0 ? row.failingSince() : failedAt;
                store.failed(name, owner, failures, failedAt.plus(policy.backoff(failures)), since, error);
                meters.retries.increment();
                log.debug("Delivering event {} to {} failed (attempt {}): {}", refused.id(), name, failures, error);
                return false;
            }
            log.warn(
                    "Event {} ({}) goes to the dead-letter table of {} after {} attempts: {}",
                    refused.id(),
                    refused.type(),
                    name,
                    failures,
                    error);
            boolean moved = Boolean.TRUE.equals(events.transactions()
                    .execute(status -> store.deadLettered(name, owner, refused.position(), failures, error, failedAt)));
            if (!moved) {
                return false;
            }
            meters.deadLettered.increment();
            attempts = 0;
            row = new EventStore.Delivery(name, refused.position(), 0, null, null, null, owner, row.leaseUntil(), 0, 0);
            from = batch.indexOf(refused) + 1;
        }
        return true;
    }

    private Meters meters(String destination) {
        return metersByDestination.computeIfAbsent(destination, name -> new Meters(meters, name));
    }

    private static String errorLine(Throwable ex) {
        String message = ex.getMessage();
        String line = message == null || message.isBlank()
                ? ex.getClass().getSimpleName()
                : ex.getClass().getSimpleName() + ": " + message;
        return line.length() > MAX_ERROR_LENGTH ? line.substring(0, MAX_ERROR_LENGTH) : line;
    }

    /** The meters of one destination. */
    private static final class Meters {

        final Counter delivered;
        final Counter retries;
        final Counter deadLettered;
        final AtomicLong lag = new AtomicLong();

        Meters(MeterRegistry registry, String destination) {
            this.delivered = Counter.builder("chapkit.events.delivered")
                    .description("Events delivered to a destination")
                    .tag("destination", destination)
                    .register(registry);
            this.retries = Counter.builder("chapkit.events.retries")
                    .description("Failed deliveries that will be retried")
                    .tag("destination", destination)
                    .register(registry);
            this.deadLettered = Counter.builder("chapkit.events.dead.letters")
                    .description("Events given up on and written to the dead-letter table")
                    .tag("destination", destination)
                    .register(registry);
            Gauge.builder("chapkit.events.lag", lag, AtomicLong::get)
                    .description("Events in the log not yet delivered to a destination")
                    .tag("destination", destination)
                    .baseUnit("events")
                    .register(registry);
        }
    }
}
