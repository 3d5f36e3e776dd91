package org.chapkit.job;

/** What a running {@link JobHandler} can see and do about its own job. */
public interface JobContext {

    /** The job's ULID. */
    String jobId();

    /** The artifact id the submitter pre-allocated, or null. Return it from the handler once it exists. */
    String reservedArtifactId();

    /** Which attempt this is, 1 for the first run (more only for idempotent handlers that were re-queued). */
    int attempt();

    /**
     * Records progress, visible in the {@code $stream} frames and through {@link JobManager#find(String)}.
     *
     * @param fraction fraction done, clamped to [0, 1]
     * @param message a short human-readable step description, or null
     */
    void reportProgress(double fraction, String message);

    /** Whether the job was cancelled (deleted) or its instance is shutting down. */
    boolean isCancelled();

    /**
     * Throws when {@link #isCancelled()}.
     *
     * @throws JobCancelledException when the job was cancelled
     */
    void throwIfCancelled();

    /**
     * Registers work to do when the job is cancelled, e.g. killing a child process tree. Callbacks run once, on the
     * cancelling thread, before the worker thread is interrupted; one registered after cancellation runs at once.
     */
    void onCancel(Runnable callback);

    /**
     * The job's run log: metrics, parameters and tags the running job logs about itself, stored at once and
     * readable with {@code GET /api/v1/jobs/{id}/$run-log}. A context that keeps no log returns {@link RunLog#NONE}
     * (the default), which still checks each entry.
     *
     * @return the run log of this job
     */
    default RunLog runLog() {
        return RunLog.NONE;
    }
}
