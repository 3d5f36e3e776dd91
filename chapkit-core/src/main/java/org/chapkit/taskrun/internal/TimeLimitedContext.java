package org.chapkit.taskrun.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.chapkit.job.JobContext;
import org.chapkit.taskrun.TaskTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job context a task sees: the job's own, plus a timeout that cancels the attempt like a job deletion does
 * (cancel callbacks, then an interrupt of the worker thread) but fails it with {@link TaskTimeoutException}.
 */
final class TimeLimitedContext implements JobContext {

    private static final Logger log = LoggerFactory.getLogger(TimeLimitedContext.class);

    private final JobContext job;
    private final String taskName;
    private final Duration timeout;
    private final Thread worker;
    private final List<Runnable> callbacks = new ArrayList<>();
    private ScheduledFuture<?> timer;
    private boolean timedOut;
    private boolean ended;

    TimeLimitedContext(JobContext job, String taskName, Duration timeout) {
        this.job = job;
        this.taskName = taskName;
        this.timeout = timeout;
        this.worker = Thread.currentThread();
    }

    /** Starts the clock (no-op without a timeout). */
    void start(ScheduledExecutorService timers) {
        if (timeout != null) {
            timer = timers.schedule(this::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops the clock once the task returned or threw; from then on the worker thread is never interrupted. Clears
     * an interrupt the timeout left behind.
     *
     * @return whether the attempt timed out
     */
    synchronized boolean end() {
        ended = true;
        if (timer != null) {
            timer.cancel(false);
        }
        if (timedOut) {
            Thread.interrupted();
        }
        return timedOut;
    }

    private void expire() {
        List<Runnable> toRun;
        synchronized (this) {
            if (ended) {
                return;
            }
            timedOut = true;
            toRun = List.copyOf(callbacks);
            callbacks.clear();
        }
        toRun.forEach(TimeLimitedContext::runCallback);
        synchronized (this) {
            if (!ended) {
                worker.interrupt();
            }
        }
    }

    @Override
    public String jobId() {
        return job.jobId();
    }

    @Override
    public String reservedArtifactId() {
        return job.reservedArtifactId();
    }

    @Override
    public int attempt() {
        return job.attempt();
    }

    @Override
    public void reportProgress(double fraction, String message) {
        job.reportProgress(fraction, message);
    }

    @Override
    public boolean isCancelled() {
        synchronized (this) {
            if (timedOut) {
                return true;
            }
        }
        return job.isCancelled();
    }

    @Override
    public void throwIfCancelled() {
        synchronized (this) {
            if (timedOut) {
                throw new TaskTimeoutException(taskName, timeout);
            }
        }
        job.throwIfCancelled();
    }

    @Override
    public void onCancel(Runnable callback) {
        boolean runNow;
        synchronized (this) {
            runNow = timedOut;
            if (!runNow) {
                callbacks.add(callback);
            }
        }
        if (runNow) {
            runCallback(callback);
        } else {
            job.onCancel(callback);
        }
    }

    private static void runCallback(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException ex) {
            // One failing callback must not keep the others or the interrupt from running; the attempt is ending.
            log.warn("A task timeout callback failed", ex);
        }
    }

    @Override
    public org.chapkit.job.RunLog runLog() {
        return job.runLog();
    }
}
