package org.chapkit.autoconfigure.cluster;

import org.chapkit.cluster.ClusterMembership;
import org.springframework.context.SmartLifecycle;

/**
 * Registers the instance once the web server has started (its port is known) and marks it as left first thing on
 * shutdown.
 */
final class ClusterLifecycle implements SmartLifecycle {

    private final ClusterMembership membership;
    private volatile boolean running;

    ClusterLifecycle(ClusterMembership membership) {
        this.membership = membership;
    }

    @Override
    public void start() {
        membership.start();
        running = true;
    }

    @Override
    public void stop() {
        membership.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
