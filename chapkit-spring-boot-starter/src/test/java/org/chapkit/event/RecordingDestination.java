package org.chapkit.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test destination: keeps what it is given, and fails the next {@link #failNext(int)} deliveries. Several
 * application contexts may run in one JVM, so each test context gets its own instance as a bean.
 */
public final class RecordingDestination implements EventDestination {

    private final String name;
    private final List<EventEnvelope> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();

    public RecordingDestination(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(EventEnvelope event) {
        attempts.incrementAndGet();
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("refused by test");
        }
        received.add(event);
    }

    /** Makes the next {@code count} deliveries fail. */
    public void failNext(int count) {
        failures.set(count);
    }

    /** Every delivery attempt so far. */
    public int attempts() {
        return attempts.get();
    }

    /** What was delivered, in delivery order. */
    public List<EventEnvelope> received() {
        return List.copyOf(received);
    }

    /** What was delivered of one subject. */
    public List<EventEnvelope> of(String subject) {
        return received.stream().filter(e -> e.subject().equals(subject)).toList();
    }

    public void clear() {
        received.clear();
    }
}
