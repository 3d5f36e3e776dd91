package org.chapkit.job;

import java.time.Duration;
import org.chapkit.db.ChapkitTables;

/**
 * Tuning of the job system on one instance.
 *
 * @param instanceName unique name of this instance among those sharing the database (db-scheduler's {@code
 *     picked_by})
 * @param maxConcurrency jobs this instance runs at once
 * @param pollingInterval how often this instance looks for jobs submitted elsewhere (jobs submitted here start at
 *     once)
 * @param heartbeatInterval how often this instance proves it is still running its jobs
 * @param missedHeartbeatsLimit missed heartbeats after which another instance declares a job's execution dead
 * @param cancelCheckInterval how often this instance checks whether a job it runs was deleted on another instance
 * @param retention how long finished job records are kept
 * @param shutdownGrace how long a stopping instance lets running jobs finish before interrupting them
 * @param reconcileInterval how often one instance looks for {@code running} (or {@code pending}) jobs that have no
 *     live execution any more and fails them; also the grace a job gets after it started before it is looked at
 * @param exposeTraceback whether failed jobs keep the stack trace in {@code error_traceback}; when false the field is
 *     never written, so no record or stream shows it
 * @param tables the schema of {@code jobs} and db-scheduler's {@code scheduled_tasks}
 */
public record JobSettings(
        String instanceName,
        int maxConcurrency,
        Duration pollingInterval,
        Duration heartbeatInterval,
        int missedHeartbeatsLimit,
        Duration cancelCheckInterval,
        Duration retention,
        Duration shutdownGrace,
        Duration reconcileInterval,
        boolean exposeTraceback,
        ChapkitTables tables) {

    /** The default reconciliation interval. */
    public static final Duration DEFAULT_RECONCILE_INTERVAL = Duration.ofMinutes(1);

    /** Settings with the default reconciliation interval, stack traces recorded, tables in the default schema. */
    public JobSettings(
            String instanceName,
            int maxConcurrency,
            Duration pollingInterval,
            Duration heartbeatInterval,
            int missedHeartbeatsLimit,
            Duration cancelCheckInterval,
            Duration retention,
            Duration shutdownGrace) {
        this(
                instanceName,
                maxConcurrency,
                pollingInterval,
                heartbeatInterval,
                missedHeartbeatsLimit,
                cancelCheckInterval,
                retention,
                shutdownGrace,
                DEFAULT_RECONCILE_INTERVAL,
                true,
                ChapkitTables.DEFAULT);
    }

    /** Checks the values. */
    public JobSettings {
        tables = tables == null ? ChapkitTables.DEFAULT : tables;
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
        }
        if (missedHeartbeatsLimit < 1) {
            throw new IllegalArgumentException(
                    "missedHeartbeatsLimit must be at least 1, was " + missedHeartbeatsLimit);
        }
        if (reconcileInterval == null || reconcileInterval.isNegative() || reconcileInterval.isZero()) {
            throw new IllegalArgumentException("reconcileInterval must be positive, was " + reconcileInterval);
        }
    }

    /** The longest time a job can stay {@code running} after its instance died before another instance acts. */
    public Duration deadExecutionBound() {
        // db-scheduler declares an execution dead after missedHeartbeatsLimit intervals and checks every 2 intervals.
        return heartbeatInterval.multipliedBy(missedHeartbeatsLimit + 2L).plus(pollingInterval);
    }
}
