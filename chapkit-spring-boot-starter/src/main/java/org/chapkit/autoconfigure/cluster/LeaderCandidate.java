package org.chapkit.autoconfigure.cluster;

import org.chapkit.cluster.ClusterLeadership;
import org.springframework.integration.leader.AbstractCandidate;
import org.springframework.integration.leader.Context;

/** Hands Spring Integration's leader events to {@link ClusterLeadership}, which keeps the epoch. */
final class LeaderCandidate extends AbstractCandidate {

    /** The lock key the leader holds. */
    static final String ROLE = "chapkit-leader";

    private final ClusterLeadership leadership;

    LeaderCandidate(String instanceId, ClusterLeadership leadership) {
        super(instanceId, ROLE);
        this.leadership = leadership;
    }

    @Override
    public void onGranted(Context context) {
        leadership.granted();
    }

    @Override
    public void onRevoked(Context context) {
        leadership.revoked();
    }
}
