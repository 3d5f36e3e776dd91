package org.chapkit.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.chapkit.time.UtcTimestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's membership: registers it, heartbeats every {@code interval}, and on each beat declares dead the
 * other members that missed {@code missedHeartbeats} beats (a member never declares itself dead). A member that finds
 * itself declared dead (it was paused, or cut off from the database) {@link SelfFencing fences} itself and registers
 * again only once it holds no work the leader has not taken over. After each beat, the {@link #onBeat(Runnable) beat
 * listeners} run (the leader's recovery of dead members' jobs), also while this instance is fenced. {@link #close()} marks it
 * as left.
 */
public class ClusterMembership implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterMembership.class);

    private final ClusterStore store;
    private final ClusterMember self;
    private final IntSupplier port;
    private final Duration interval;
    private final int missedHeartbeats;
    private final Clock clock;
    private final SelfFencing fencing;
    private final List<Runnable> beatListeners = new CopyOnWriteArrayList<>();
    private volatile boolean fenced;
    private ScheduledExecutorService beats;
    private volatile Instant lastBeat;

    /**
     * @param store the cluster tables
     * @param self this instance as it registers (its state, timestamps and port are set here)
     * @param port its HTTP port, asked for when it registers (the web server has started by then)
     * @param interval time between heartbeats
     * @param missedHeartbeats heartbeats a member may miss before the others declare it dead
     * @param clock source of heartbeat timestamps (members' clocks should agree to well within an interval)
     * @param fencing what this instance stops when it finds itself declared dead
     */
    public ClusterMembership(
            ClusterStore store,
            ClusterMember self,
            IntSupplier port,
            Duration interval,
            int missedHeartbeats,
            Clock clock,
            SelfFencing fencing) {
        if (missedHeartbeats < 1) {
            throw new IllegalArgumentException("missedHeartbeats must be at least 1, got " + missedHeartbeats);
        }
        this.store = store;
        this.self = self;
        this.port = port;
        this.interval = interval;
        this.missedHeartbeats = missedHeartbeats;
        this.clock = clock;
        this.fencing = fencing;
    }

    /** Runs {@code listener} on the heartbeat thread after each beat of this instance (fenced or not). */
    public void onBeat(Runnable listener) {
        beatListeners.add(listener);
    }

    /** The time after which a member without a heartbeat is declared dead: interval × missed heartbeats. */
    public Duration deadAfter() {
        return interval.multipliedBy(missedHeartbeats);
    }

    /** Whether this instance found itself declared dead and is fenced until the leader took its work over. */
    public boolean isFenced() {
        return fenced;
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
        register(now);
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
            ClusterStore.Heartbeat heartbeat = store.heartbeat(self.instanceId(), now);
            if (heartbeat == ClusterStore.Heartbeat.DECLARED_DEAD && !rejoin()) {
                // Fenced, not gone: a fenced leader still recovers the dead members' jobs, its own included (its
                // epoch decides), so the cluster does not wait on a leader that waits on itself.
                beatListeners.forEach(Runnable::run);
                return;
            }
            if (heartbeat != ClusterStore.Heartbeat.RECORDED) {
                register(now);
            }
            lastBeat = now;
            List<String> dead = store.declareDead(self.instanceId(), now.minus(deadAfter()));
            dead.forEach(id -> log.warn(
                    "Cluster member {} missed {} heartbeats ({} each); declared dead by {}",
                    id,
                    missedHeartbeats,
                    interval,
                    self.instanceId()));
            beatListeners.forEach(Runnable::run);
        } catch (RuntimeException ex) {
            log.warn("Cluster heartbeat of {} failed: {}", self.instanceId(), ex.getMessage());
        }
    }

    /**
     * This instance was declared dead: fences it (once), and says whether it may register again, which is when the
     * leader has taken over all the work it held.
     */
    private boolean rejoin() {
        if (!fenced) {
            fenced = true;
            log.warn(
                    "Cluster member {} was declared dead by the others (no heartbeat for {}): fencing itself until"
                            + " the leader has taken its work over",
                    self.instanceId(),
                    deadAfter());
            fencing.fence();
        }
        if (fencing.holdsWork()) {
            return false;
        }
        fencing.unfence();
        fenced = false;
        log.info("Cluster member {} holds no work any more: rejoining", self.instanceId());
        return true;
    }

    private void register(Instant now) {
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
