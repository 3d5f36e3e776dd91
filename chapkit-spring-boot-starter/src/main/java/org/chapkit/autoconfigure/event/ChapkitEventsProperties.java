package org.chapkit.autoconfigure.event;

import java.time.Duration;
import org.chapkit.event.DeliveryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of domain events ({@code chapkit.events.*}): the event log written with each state change, its delivery
 * to destinations, and {@code /api/v1/events}.
 *
 * @param enabled whether state changes publish events (the log, its dispatcher and {@code /api/v1/events}); off, the
 *     stores write as they did without events
 * @param pollInterval how often the dispatcher looks for events committed on other instances (this instance's own are
 *     delivered right after commit); also the change stream's poll interval
 * @param lease how long an instance owns a destination's delivery without renewing it; another instance takes over
 *     after it
 * @param batchSize events read per query by the dispatcher, and delivered to a destination as one batch (one cursor
 *     update)
 * @param progressInterval the least time between two {@code org.chapkit.job.progressed} events of one job
 * @param retention how long events stay in the log once every destination has had them (history and stream resumes
 *     reach this far back)
 * @param stuckAfter a destination failing for longer than this is listed as {@code stuck} in the {@code events}
 *     health details
 * @param delivery the retry policy of destinations that have none of their own
 */
@ConfigurationProperties("chapkit.events")
public record ChapkitEventsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("100") int batchSize,
        @DefaultValue("1s") Duration progressInterval,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("5m") Duration stuckAfter,
        @DefaultValue Delivery delivery) {

    /**
     * How a destination retries a failed event.
     *
     * @param maxAttempts failed attempts after which an event goes to the dead-letter table and the destination moves
     *     on; 0 retries for ever (order kept, nothing skipped)
     * @param initialBackoff wait after the first failure
     * @param maxBackoff longest wait between attempts
     * @param multiplier growth of the wait per failure
     */
    public record Delivery(
            @DefaultValue("0") int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("5m") Duration maxBackoff,
            @DefaultValue("2.0") double multiplier) {

        DeliveryPolicy toPolicy() {
            return new DeliveryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier);
        }
    }
}
