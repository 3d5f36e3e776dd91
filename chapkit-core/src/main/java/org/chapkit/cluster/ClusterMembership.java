package org.chapkit.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.chapkit.time.UtcTimestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's membership: registers it, heartbeats every {@code interval}, and on each beat declares dead the
 * other members that missed {@code missedHeartbeats} beats (a member never declares itself dead; a paused member
 * that beats again is alive again). {@link #close()} marks it as left.
 */
public class ClusterMembership implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterMembership.class);

    private final ClusterStore store;
    private final ClusterMember self;
    private final IntSupplier port;
    private final Duration interval;
    private final int missedHeartbeats;
    private final Clock clock;
    private ScheduledExecutorService beats;
    private volatile Instant lastBeat;

    /**
     * @param store the cluster tables
     * @param self this instance as it registers (its state, timestamps and port are set here)
     * @param port its HTTP port, asked for when it registers (the web server has started by then)
     * @param interval time between heartbeats
     * @param missedHeartbeats heartbeats a member may miss before the others declare it dead
     * @param clock source of heartbeat timestamps (members' clocks should agree to well within an interval)
     */
    public ClusterMembership(
            ClusterStore store,
            ClusterMember self,
            IntSupplier port,
            Duration interval,
            int missedHeartbeats,
            Clock clock) {
        if (missedHeartbeats < 1) {
            throw new IllegalArgumentException("missedHeartbeats must be at least 1, got " + missedHeartbeats);
        }
        this.store = store;
        this.self = self;
        this.port = port;
        this.interval = interval;
        this.missedHeartbeats = missedHeartbeats;
        this.clock = clock;
    }

    /** This instance's id. */
    public String instanceId() {
        return self.instanceId();
    }

    /** Registers this instance and starts heartbeating. */
    public synchronized void start() {
        if (beats != null) {
            return;
        }
        Instant now = UtcTimestamps.now(clock);
        store.register(new ClusterMember(
                self.instanceId(),
                self.host(),
                port.getAsInt(),
                self.version(),
                self.roles(),
                MemberState.ALIVE,
                now,
                now));
        lastBeat = now;
        beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chapkit-cluster-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        beats.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One heartbeat and one round of failure detection; public for tests that drive time themselves. */
    public void beat() {
        try {
            Instant now = UtcTimestamps.now(clock);
            if (!store.heartbeat(self.instanceId(), now)) {
                store.register(new ClusterMember(
                        self.instanceId(),
                        self.host(),
                        port.getAsInt(),
                        self.version(),
                        self.roles(),
                        MemberState.ALIVE,
                        now,
                        now));
            }
            lastBeat = now;
            List<String> dead =
                    store.declareDead(self.instanceId(), now.minus(interval.multipliedBy(missedHeartbeats)));
            dead.forEach(id -> log.warn(
                    "Cluster member {} missed {} heartbeats ({} each); declared dead by {}",
                    id,
                    missedHeartbeats,
                    interval,
                    self.instanceId()));
        } catch (RuntimeException ex) {
            log.warn("Cluster heartbeat of {} failed: {}", self.instanceId(), ex.getMessage());
        }
    }

    /** Whether this instance's last heartbeat reached the database recently enough for the others to count it. */
    public boolean heartbeating() {
        Instant last = lastBeat;
        return beats != null
                && last != null
                && last.isAfter(clock.instant().minus(interval.multipliedBy(missedHeartbeats)));
    }

    /** Every registered member. */
    public List<ClusterMember> members() {
        return store.members();
    }

    /** Stops heartbeating and marks this instance as left. */
    @Override
    public synchronized void close() {
        if (beats == null) {
            return;
        }
        beats.shutdownNow();
        beats = null;
        try {
            store.leave(self.instanceId());
        } catch (RuntimeException ex) {
            log.warn("Could not mark cluster member {} as left: {}", self.instanceId(), ex.getMessage());
        }
    }
}
