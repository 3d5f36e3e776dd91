package org.chapkit.event;

import java.time.Duration;
import java.util.Objects;
import org.chapkit.db.ChapkitTables;

/**
 * How the event log is written and delivered.
 *
 * @param source the envelopes' {@code source}, {@code /chapkit/<service id>/<instance>}
 * @param instanceName this instance's name: the owner of the delivery leases it holds
 * @param pollInterval how often the dispatcher looks for events written by other instances (this instance's own
 *     are delivered right after commit)
 * @param lease how long an instance owns a destination's delivery without renewing it
 * @param batchSize events read per query
 * @param progressInterval the least time between two {@code org.chapkit.job.progressed} events of one job
 * @param retention how long delivered events stay in the log (for history and stream resumes)
 * @param policy the retry policy of destinations that have none of their own
 * @param tables where chapkit's tables are
 */
public record EventSettings(
        String source,
        String instanceName,
        Duration pollInterval,
        Duration lease,
        int batchSize,
        Duration progressInterval,
        Duration retention,
        DeliveryPolicy policy,
        ChapkitTables tables) {

    /** Checks the values. */
    public EventSettings {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(progressInterval, "progressInterval");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(tables, "tables");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
        }
    }

    /**
     * Defaults for {@code source} and {@code instanceName}, in the default schema.
     *
     * @param source the envelopes' source
     * @param instanceName this instance
     * @return the settings
     */
    public static EventSettings defaults(String source, String instanceName) {
        return new EventSettings(
                source,
                instanceName,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                100,
                Duration.ofSeconds(1),
                Duration.ofDays(7),
                DeliveryPolicy.DEFAULT,
                ChapkitTables.DEFAULT);
    }

    /**
     * The envelope source of a service instance.
     *
     * @param serviceId the service id ({@code chapkit.service.id})
     * @param instanceName the instance
     * @return {@code /chapkit/<service id>/<instance>}
     */
    public static String source(String serviceId, String instanceName) {
        return "/chapkit/" + serviceId + "/" + instanceName;
    }
}
