package org.chapkit.job;

/**
 * A kind of work that jobs run. Because any instance may run (or re-run) a job, work is described by a handler
 * {@link #type()} plus a JSON-serializable payload, never by a lambda: the instance that picks the job up looks the
 * handler up by type and deserializes the payload into {@link #payloadType()}. Register handlers as Spring beans.
 *
 * <p>The handler runs on a worker thread. It should call {@link JobContext#throwIfCancelled()} between steps, and
 * blocking calls should respond to thread interruption; work that runs elsewhere (a child process) should register
 * a {@link JobContext#onCancel(Runnable)} callback that stops it.
 *
 * @param <P> payload type; must round-trip through Jackson
 */
public interface JobHandler<P> {

    /** Stable name of this kind of work, stored with each job (e.g. {@code "ml.train"}). */
    String type();

    /** The class the stored JSON payload is read into. */
    Class<P> payloadType();

    /**
     * Does the work.
     *
     * @param payload the payload given to {@link JobManager#submit}
     * @param context progress reporting and cancellation of this job
     * @return the id of the artifact the job produced (shown as {@code artifact_id}), or null
     * @throws Exception any failure; the job becomes {@code failed} with the exception as {@code error}
     */
    String run(P payload, JobContext context) throws Exception;

    /**
     * Whether running this job again from the start is safe when an attempt was cut short (its instance died or
     * shut down). Idempotent jobs are re-queued and run again; others are marked {@code failed}. Default false.
     */
    default boolean idempotent() {
        return false;
    }
}
