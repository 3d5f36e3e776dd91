package org.chapkit.cluster;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.chapkit.job.RecurringWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster-wide singletons run by the leader only (schedule firing, retention of events, the artifact content
 * sweep: every {@link RecurringWork}). Without a cluster the job system runs them as db-scheduler recurring tasks,
 * one instance per tick, whichever picks it; in a cluster each runs on every member's own timer with its delay, and
 * does its work only where {@link ClusterLeadership#runIfLeader} finds this instance leading with a current epoch
 * (checked in the database before each run). A member that is not the leader does nothing but look at its own
 * leadership flag; when leadership moves, the next run on the new leader does the work, with no db-scheduler
 * execution to wait for. The work itself must tolerate a rare second run during a handover (a paused old leader
 * whose check passed just before it lost its term): schedule firing claims each schedule with a compare-and-set,
 * retention and the sweep delete by a cutoff.
 */
public final class LeaderOnlyWork {

    private static final Logger log = LoggerFactory.getLogger(LeaderOnlyWork.class);

    private final ClusterLeadership leadership;
    private final Map<String, AtomicLong> runs = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    /** @param leadership this instance's leadership, which decides whether a run does its work */
    public LeaderOnlyWork(ClusterLeadership leadership) {
        this.leadership = leadership;
    }

    /**
     * Starts running {@code work} on this instance's timer, each with its delay between the end of one run and the
     * start of the next (the first run after one delay).
     *
     * @throws IllegalStateException when it is running already
     */
    public synchronized void start(Collection<RecurringWork> work) {
        if (timer != null) {
            throw new IllegalStateException("Leader-only work of " + leadership.instanceId() + " is already running");
        }
        List<RecurringWork> all = List.copyOf(work);
        if (all.isEmpty()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("chapkit-leader-work-" + leadership.instanceId())
                .daemon(true)
                .factory());
        for (RecurringWork each : all) {
            runs.putIfAbsent(each.name(), new AtomicLong());
            long delay = Math.max(1, each.delay().toMillis());
            timer.scheduleWithFixedDelay(() -> runOnce(each), delay, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the timer; a run in progress finishes on its own. */
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    /** How many times this instance did {@code name}'s work since it started (0 on a member that never led). */
    public long runsOf(String name) {
        AtomicLong count = runs.get(name);
        return count == null ? 0 : count.get();
    }

    private void runOnce(RecurringWork work) {
        try {
            if (leadership.runIfLeader(epoch -> work.work().run())) {
                runs.get(work.name()).incrementAndGet();
            }
        } catch (RuntimeException ex) {
            // The next run comes anyway; one failing pass (a database hiccup) must not stop the work.
            log.warn("Leader-only work {} failed: {}", work.name(), ex.toString(), ex);
        }
    }
}
