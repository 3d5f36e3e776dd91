package org.chapkit.autoconfigure.cluster;

import java.time.Duration;
import java.util.List;
import org.chapkit.cluster.ClusterRole;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of cluster membership and leader election.
 *
 * @param enabled register this instance in the database, heartbeat, elect a leader and serve {@code GET
 *     /api/v1/cluster}
 * @param heartbeatInterval time between a member's heartbeats
 * @param missedHeartbeats heartbeats a member may miss before the others declare it dead
 * @param roles what this instance does: {@code api} (serves HTTP and submits jobs), {@code worker} (runs jobs),
 *     {@code scheduler} (may be elected leader); all three by default. Without {@code worker} no job runs here; without
 *     {@code scheduler} this instance never leads
 * @param leaderLockTtl how long the leader lock lives without renewal: a leader that died is replaced after about this
 * @param leaderHeartbeat how often the leader renews its lock (well below {@code leader-lock-ttl})
 * @param leaderBusyWait how often a non-leader tries to take the lock
 */
@ConfigurationProperties("chapkit.cluster")
public record ChapkitClusterProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("2s") Duration heartbeatInterval,
        @DefaultValue("6") int missedHeartbeats,
        @DefaultValue({"api", "worker", "scheduler"}) List<ClusterRole> roles,
        @DefaultValue("10s") Duration leaderLockTtl,
        @DefaultValue("2s") Duration leaderHeartbeat,
        @DefaultValue("500ms") Duration leaderBusyWait) {}
