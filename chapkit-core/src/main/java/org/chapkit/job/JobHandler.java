package org.chapkit.job;

/**
 * Runs one kind of work. Because any instance may run (or re-run) a job, work is described by a {@link JobType}
 * (name plus payload class) and a JSON-serializable payload, never by a lambda: the instance that picks the job up
 * looks the handler up by the stored type name and deserializes the payload into {@link JobType#payloadType()}.
 * Register handlers as Spring beans; at most one handler per type name.
 *
 * <p>The handler runs on a worker thread. It should call {@link JobContext#throwIfCancelled()} between steps, and
 * blocking calls should respond to thread interruption; work that runs elsewhere (a child process) should register
 * a {@link JobContext#onCancel(Runnable)} callback that stops it.
 *
 * @param <P> payload type; must round-trip through Jackson
 */
public interface JobHandler<P> {

    /**
     * The kind of work this handler runs: its name is stored with each job (e.g. {@code "ml.train"}), its payload
     * class is what the stored JSON is read into. Return a constant, the one submitters pass to
     * {@link JobManager#submit(JobType, Object)}.
     */
    JobType<P> jobType();

    /**
     * Does the work.
     *
     * @param payload the payload given to {@link JobManager#submit(JobType, Object)}
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

    /**
     * Whether this one job may run again from the start when an attempt was cut short, for a handler that runs
     * several kinds of work under one job type and decides per job (task runs: {@code @Task(idempotent = true)}).
     * The job system asks this, with the job's stored payload, whenever it decides between re-queueing and failing a
     * cut attempt. Default {@link #idempotent()}.
     *
     * @param payload the job's payload, as {@link #run} would get it
     * @return whether the job is re-queued rather than failed
     */
    default boolean idempotent(P payload) {
        return idempotent();
    }
}
