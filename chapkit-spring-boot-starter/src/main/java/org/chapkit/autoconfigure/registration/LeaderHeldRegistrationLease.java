package org.chapkit.autoconfigure.registration;

import java.util.Optional;
import org.chapkit.cluster.ClusterLeadership;
import org.chapkit.cluster.ClusterStore;
import org.chapkit.cluster.Leadership;
import org.chapkit.registration.RegistrationLease;

/**
 * The registration lease of a cluster ({@code chapkit.cluster.enabled=true}): the registration is held by the cluster
 * leader, so chap-core hears from the instance that also fires schedules and recovers dead members. Each check
 * confirms in the database that this instance leads with the current epoch ({@link ClusterLeadership#runIfLeader}),
 * so a leader paused past its term stands down at its next check instead of registering alongside its successor.
 * There is nothing to release: the cluster's lifecycle closes the registration (deregistering) before it gives
 * leadership up, so a successor registers only after the old leader has deregistered.
 */
final class LeaderHeldRegistrationLease implements RegistrationLease {

    private final ClusterLeadership leadership;
    private final ClusterStore store;

    LeaderHeldRegistrationLease(ClusterLeadership leadership, ClusterStore store) {
        this.leadership = leadership;
        this.store = store;
    }

    @Override
    public boolean acquire() {
        return leadership.runIfLeader(epoch -> {});
    }

    @Override
    public void release() {
        // leadership is given up by the cluster's lifecycle, after the registration closed
    }

    @Override
    public Optional<String> holder() {
        return store.currentTerm().filter(term -> term.releasedAt() == null).map(Leadership::leaderId);
    }

    @Override
    public String self() {
        return leadership.instanceId();
    }
}
