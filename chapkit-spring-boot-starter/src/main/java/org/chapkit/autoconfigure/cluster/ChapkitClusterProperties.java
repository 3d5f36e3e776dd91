package org.chapkit.autoconfigure.cluster;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of cluster membership and leader election.
 *
 * @param enabled register this instance in the database, heartbeat, elect a leader and serve {@code GET
 *     /api/v1/cluster}
 * @param heartbeatInterval time between a member's heartbeats
 * @param missedHeartbeats heartbeats a member may miss before the others declare it dead
 * @param roles the roles this instance registers with ({@code api}, {@code worker}, {@code scheduler}); recorded and
 *     shown, not yet enforced
 * @param leaderLockTtl how long the leader lock lives without renewal: a leader that died is replaced after about this
 * @param leaderHeartbeat how often the leader renews its lock (well below {@code leader-lock-ttl})
 * @param leaderBusyWait how often a non-leader tries to take the lock
 */
@ConfigurationProperties("chapkit.cluster")
public record ChapkitClusterProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("3") int missedHeartbeats,
        @DefaultValue({"api", "worker", "scheduler"}) List<String> roles,
        @DefaultValue("10s") Duration leaderLockTtl,
        @DefaultValue("2s") Duration leaderHeartbeat,
        @DefaultValue("500ms") Duration leaderBusyWait) {}
