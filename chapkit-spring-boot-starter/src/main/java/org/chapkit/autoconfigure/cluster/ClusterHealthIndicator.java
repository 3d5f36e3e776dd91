package org.chapkit.autoconfigure.cluster;

import java.util.List;
import org.chapkit.cluster.ClusterLeadership;
import org.chapkit.cluster.ClusterMember;
import org.chapkit.cluster.ClusterMembership;
import org.chapkit.cluster.ClusterView;
import org.chapkit.cluster.MemberState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code cluster} health contributor: UP while this instance's heartbeats reach the database, DOWN otherwise;
 * the alive members, whether a leader is known, the leader and the epoch are in the details. A missing leader does not
 * make it DOWN: during a failover that would take every instance out of the load balancer at once.
 */
final class ClusterHealthIndicator implements HealthIndicator {

    private final ClusterMembership membership;
    private final ClusterLeadership leadership;

    ClusterHealthIndicator(ClusterMembership membership, ClusterLeadership leadership) {
        this.membership = membership;
        this.leadership = leadership;
    }

    @Override
    public Health health() {
        ClusterView view;
        try {
            view = leadership.view(membership, 1);
        } catch (RuntimeException ex) {
            return Health.down().withDetail("error", ex.getMessage()).build();
        }
        List<String> alive = view.members().stream()
                .filter(member -> member.state() == MemberState.ALIVE)
                .map(ClusterMember::instanceId)
                .toList();
        boolean leaderKnown = view.leader() != null && view.leader().releasedAt() == null;
        Health.Builder health = membership.heartbeating() ? Health.up() : Health.down();
        health.withDetail("instance", view.instanceId())
                .withDetail("members_alive", alive)
                .withDetail("heartbeating", membership.heartbeating())
                .withDetail("leader_known", leaderKnown)
                .withDetail("epoch", view.epoch());
        if (view.leader() != null) {
            health.withDetail("leader", view.leader().leaderId());
        }
        health.withDetail("leader_is_me", leadership.isLeader());
        return health.build();
    }
}
