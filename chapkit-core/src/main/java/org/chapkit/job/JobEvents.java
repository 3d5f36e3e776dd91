package org.chapkit.job;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.chapkit.event.ChapkitEvent;
import org.chapkit.event.EventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the job system's events with the state changes they describe: a change and its event are written in one
 * transaction, and only a change that happened (its guarded update matched) publishes. With events off, changes run
 * as before, without a transaction of their own.
 */
final class JobEvents {

    private final EventPublisher publisher;
    private final TransactionTemplate transactions;
    private final Duration progressInterval;

    JobEvents(EventPublisher publisher, TransactionTemplate transactions, Duration progressInterval) {
        this.publisher = publisher;
        this.transactions = transactions;
        this.progressInterval = progressInterval;
    }

    boolean enabled() {
        return publisher != EventPublisher.NONE;
    }

    Duration progressInterval() {
        return progressInterval;
    }

    /** Runs {@code change} and, when it returns true, publishes {@code event} in the same transaction. */
    boolean change(BooleanSupplier change, Supplier<? extends ChapkitEvent> event) {
        if (!enabled()) {
            return change.getAsBoolean();
        }
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean changed = change.getAsBoolean();
            if (changed) {
                publisher.publish(event.get());
            }
            return changed;
        }));
    }

    /** Publishes {@code event} in the caller's transaction. */
    void publish(ChapkitEvent event) {
        publisher.publish(event);
    }

    /** Runs {@code work} in a transaction when events are on (so that what it publishes commits with it). */
    <T> T inTransaction(Supplier<T> work) {
        return enabled() ? transactions.execute(status -> work.get()) : work.get();
    }
}
