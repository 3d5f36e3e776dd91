package org.chapkit.cluster;

import java.util.Locale;

/**
 * What an instance does in a cluster ({@code chapkit.cluster.roles}); an instance has all three unless told otherwise.
 */
public enum ClusterRole {
    /** Serves the HTTP API and submits jobs; without {@link #WORKER} it runs none of them. */
    API,
    /** Runs jobs (and the job system's periodic work), whichever instance submitted them. */
    WORKER,
    /** May be elected leader and run the cluster-wide singletons. */
    SCHEDULER;

    /** The name shown in {@code roles} of {@code GET /api/v1/cluster}: {@code api}, {@code worker}, {@code scheduler}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
