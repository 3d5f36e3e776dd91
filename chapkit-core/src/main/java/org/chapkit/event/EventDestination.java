package org.chapkit.event;

import java.util.Optional;

/**
 * Somewhere events are delivered to: a broker, a webhook, a test's list. The dispatcher delivers the event log to
 * each destination in log order (so in order per subject), one event at a time, on a thread of its own: a slow or
 * dead destination delays only itself. Delivery is at least once: after a crash or a failed acknowledgement an event
 * may come again, and consumers de-duplicate by {@link EventEnvelope#id()}.
 *
 * <p>Register a destination as a Spring bean (an optional module's auto-configuration contributes it); its
 * {@link #name()} keys its delivery state in the database and tags its metrics, so keep it stable.
 */
public interface EventDestination {

    /**
     * The destination's stable name, e.g. {@code rabbitmq}: at most 200 characters, unique in the service.
     *
     * @return the name
     */
    String name();

    /**
     * Whether this destination wants {@code event}; one it does not want counts as delivered.
     *
     * @param event the event
     * @return {@code true} to deliver it
     */
    default boolean accepts(EventEnvelope event) {
        return true;
    }

    /**
     * The retry policy of this destination, if it differs from {@code chapkit.events.delivery.*}.
     *
     * @return the policy, or empty for the configured one
     */
    default Optional<DeliveryPolicy> policy() {
        return Optional.empty();
    }

    /**
     * Delivers one event; returns once the destination has accepted it (a broker's confirm, a 2xx answer). Throwing
     * means not delivered: the same event is retried with backoff, and no later event goes to this destination before
     * it.
     *
     * @param event the event
     * @throws Exception when the event was not accepted
     */
    void deliver(EventEnvelope event) throws Exception;
}
