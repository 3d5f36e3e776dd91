package org.chapkit.job;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link JobContext} of one attempt running on this instance, and the handle used to stop it. */
final class RunningJob implements JobContext {

    private static final Logger log = LoggerFactory.getLogger(RunningJob.class);

    /** Why an attempt was stopped from outside. */
    enum StopReason {
        CANCELLED,
        SHUTDOWN,
        /** This instance was declared dead by the others: the attempt must not write anything more. */
        FENCED
    }

    private final String jobId;
    private final String reservedArtifactId;
    private final int attempt;
    private final Thread worker;
    private final JobStore store;
    private final JobEvents events;
    private final java.time.Clock clock;
    private final List<Runnable> callbacks = new ArrayList<>();
    private StopReason stopReason;
    private boolean detached;
    private java.time.Instant lastProgressEvent;
    private final RunLog runLog;

    RunningJob(String jobId, String reservedArtifactId, int attempt, Thread worker, JobStore store) {
        this(jobId, reservedArtifactId, attempt, worker, store, null, java.time.Clock.systemUTC(), RunLog.NONE);
    }

    RunningJob(
            String jobId,
            String reservedArtifactId,
            int attempt,
            Thread worker,
            JobStore store,
            JobEvents events,
            java.time.Clock clock,
            RunLog runLog) {
        this.runLog = runLog;
        this.events = events;
        this.clock = clock;
        this.jobId = jobId;
        this.reservedArtifactId = reservedArtifactId;
        this.attempt = attempt;
        this.worker = worker;
        this.store = store;
    }

    @Override
    public String jobId() {
        return jobId;
    }

    @Override
    public String reservedArtifactId() {
        return reservedArtifactId;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public RunLog runLog() {
        return runLog;
    }

    @Override
    public void reportProgress(double fraction, String message) {
        if (stopReason() == StopReason.FENCED) {
            return; // the job is the leader's now: a fenced attempt writes nothing
        }
        double clamped = Double.isNaN(fraction) ? 0 : Math.clamp(fraction, 0.0, 1.0);
        if (events == null || !events.enabled() || !progressEventDue()) {
            store.progress(jobId, clamped, message);
            return;
        }
        events.change(() -> store.progress(jobId, clamped, message), () -> new JobProgressed(jobId, clamped, message));
    }

    /** Throttles progress events: at most one per interval per attempt, the first at once. */
    private synchronized boolean progressEventDue() {
        java.time.Instant now = clock.instant();
        if (lastProgressEvent != null && now.isBefore(lastProgressEvent.plus(events.progressInterval()))) {
            return false;
        }
        lastProgressEvent = now;
        return true;
    }

    @Override
    public synchronized boolean isCancelled() {
        return stopReason != null;
    }

    @Override
    public void throwIfCancelled() {
        if (isCancelled()) {
            throw new JobCancelledException(jobId);
        }
    }

    @Override
    public void onCancel(Runnable callback) {
        synchronized (this) {
            if (stopReason == null) {
                callbacks.add(callback);
                return;
            }
        }
        runCallback(callback);
    }

    /** Why the attempt was stopped, or null. */
    synchronized StopReason stopReason() {
        return stopReason;
    }

    /** Stops the attempt: runs the cancel callbacks, then interrupts the worker thread. Idempotent. */
    void stop(StopReason reason) {
        List<Runnable> toRun;
        synchronized (this) {
            if (stopReason != null) {
                return;
            }
            stopReason = reason;
            toRun = List.copyOf(callbacks);
            callbacks.clear();
        }
        toRun.forEach(RunningJob::runCallback);
        synchronized (this) {
            if (!detached) {
                worker.interrupt();
            }
        }
    }

    /**
     * Marks the handler as returned: from now on {@link #stop} no longer interrupts the worker thread, which goes
     * back to db-scheduler's bookkeeping. Returns with the thread's interrupt flag cleared.
     */
    synchronized void detach() {
        detached = true;
        Thread.interrupted();
    }

    private static void runCallback(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException ex) {
            // One failing callback must not keep the others (or the interrupt) from running; the job is ending.
            log.warn("A job cancel callback failed", ex);
        }
    }
}
