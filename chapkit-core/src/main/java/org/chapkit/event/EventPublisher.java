package org.chapkit.event;

/**
 * Appends domain events to the durable event log. Inside a transaction, the event is written in that transaction
 * (just before it commits) and is delivered only if it commits; outside one, it is written in a transaction of its
 * own.
 */
@FunctionalInterface
public interface EventPublisher {

    /** Publishes nothing: events switched off. */
    EventPublisher NONE = event -> {};

    /**
     * Publishes {@code event} with the state change of the current transaction.
     *
     * @param event the event
     */
    void publish(ChapkitEvent event);
}
