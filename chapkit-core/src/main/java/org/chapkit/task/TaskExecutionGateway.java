package org.chapkit.task;

/**
 * Hands validated task runs to the job system. The job-backed implementation stores a durable job (retries,
 * concurrency limit, timeout and caching are applied there) and, when called inside a transaction, creates the job
 * in that transaction so that a schedule's tick claim and its job commit together.
 */
public interface TaskExecutionGateway {

    /** Submits one run of {@code params.task()} and returns its job and artifact ids at once. */
    TaskSubmission submit(BoundTaskParams params, ExecutionOrigin origin);
}
