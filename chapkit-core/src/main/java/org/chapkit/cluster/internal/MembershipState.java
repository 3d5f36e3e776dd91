package org.chapkit.cluster.internal;

import java.time.Instant;
import java.util.List;
import org.chapkit.cluster.ClusterMember;
import org.chapkit.cluster.ClusterView;
import org.chapkit.cluster.MemberState;

/**
 * What the cluster stream compares between two polls: each member without its heartbeat time (which changes every
 * beat), and the current term. Two views with equal states show the same membership and leadership.
 */
record MembershipState(List<Member> members, long epoch) {

    /** A member as far as a change of membership goes. */
    record Member(
            String instanceId,
            String host,
            int port,
            String version,
            List<String> roles,
            MemberState state,
            Instant startedAt) {}

    static MembershipState of(ClusterView view) {
        return new MembershipState(
                view.members().stream().map(MembershipState::member).toList(), view.epoch());
    }

    private static Member member(ClusterMember member) {
        return new Member(
                member.instanceId(),
                member.host(),
                member.port(),
                member.version(),
                member.roles(),
                member.state(),
                member.startedAt());
    }
}
