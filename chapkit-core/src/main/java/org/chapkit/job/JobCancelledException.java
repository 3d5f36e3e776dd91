package org.chapkit.job;

/** Thrown inside a handler by {@link JobContext#throwIfCancelled()} when its job was cancelled. */
public class JobCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JobCancelledException(String jobId) {
        super("Job " + jobId + " was cancelled");
    }
}
