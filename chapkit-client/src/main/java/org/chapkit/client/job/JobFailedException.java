package org.chapkit.client.job;

import org.chapkit.client.ChapkitClientException;

/** Thrown when a job the caller required to complete ended as failed, cancelled or deleted. */
public class JobFailedException extends ChapkitClientException {

    private static final long serialVersionUID = 1L;

    private final transient JobRecord job;

    /**
     * Creates the exception.
     *
     * @param job the job's final record
     */
    public JobFailedException(JobRecord job) {
        super("Job " + job.id() + " ended "
                + (job.status() == null ? "without status" : job.status().wireValue())
                + (job.error() == null ? "" : ": " + job.error()));
        this.job = job;
    }

    /**
     * The job's final record, with {@code error} and {@code error_traceback}.
     *
     * @return the record
     */
    public JobRecord job() {
        return job;
    }
}
