package org.chapkit.autoconfigure.cluster;

import java.util.function.Supplier;
import org.chapkit.cluster.ClusterLeadership;
import org.chapkit.cluster.ClusterMembership;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;

/**
 * Registers the instance once the web server has started (its port is known); on shutdown, first thing (the highest
 * phase stops first, long before the data source closes): marks the application as refusing traffic (readiness
 * {@code OUT_OF_SERVICE} while the jobs drain), closes the chap-core registration when there is one (the leader
 * holds it and deregisters now, before a successor can register), stops standing for election and ends this
 * instance's term
 * in the database, so leadership passes on at once and the end of term is recorded while the pool is still open
 * (the leader initiator's own revocation runs later on its thread and finds the term ended), then marks the instance
 * as left.
 */
final class ClusterLifecycle implements SmartLifecycle {

    private final ClusterMembership membership;
    private final ClusterLeadership leadership;
    private final Supplier<LockRegistryLeaderInitiator> initiator;
    private final ApplicationEventPublisher events;
    private final Runnable beforeLeaving;
    private volatile boolean running;

    ClusterLifecycle(
            ClusterMembership membership,
            ClusterLeadership leadership,
            Supplier<LockRegistryLeaderInitiator> initiator,
            ApplicationEventPublisher events,
            Runnable beforeLeaving) {
        this.events = events;
        this.beforeLeaving = beforeLeaving;
        this.membership = membership;
        this.leadership = leadership;
        this.initiator = initiator;
    }

    @Override
    public void start() {
        membership.start();
        running = true;
    }

    @Override
    public void stop() {
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        beforeLeaving.run();
        LockRegistryLeaderInitiator election = initiator.get();
        if (election != null) {
            election.stop();
        }
        leadership.revoked();
        membership.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
