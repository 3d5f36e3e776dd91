package org.chapkit.event;

import java.util.List;
import java.util.Optional;

/**
 * Somewhere events are delivered to: a broker, a webhook, a test's list. The dispatcher delivers the event log to
 * each destination in log order (so in order per subject), a batch at a time ({@link #deliverAll(List)}; by default
 * one event after the other), on a thread of its own: a slow or dead destination delays only itself. Delivery is at least once: after a crash or a failed acknowledgement an event
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

    /**
     * Delivers a batch of events, in the order given (log order); returns once the destination has accepted all of
     * them. The default delivers them one after the other with {@link #deliver(EventEnvelope)}; a broker adapter
     * overrides it to send the batch and wait for its acknowledgements once. The batch must be accepted as a prefix:
     * when event {@code k} is refused, report {@code k} in the exception, and an event after {@code k} that did reach
     * the destination is delivered again after {@code k} (a duplicate, which consumers drop by id).
     *
     * @param events the events, oldest first (never empty)
     * @throws PartialDeliveryException when not every event was accepted: how many from the start were
     */
    default void deliverAll(List<EventEnvelope> events) throws PartialDeliveryException {
        for (int i = 0; i < events.size(); i++) {
            try {
                deliver(events.get(i));
            } catch (Exception ex) {
                throw new PartialDeliveryException(i, ex);
            }
        }
    }
}
