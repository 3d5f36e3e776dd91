package org.chapkit.ml.service;

import org.chapkit.job.JobContext;

/**
 * The job context a runner sees inside a backtest: everything of the job but progress, which the backtest reports
 * split by split instead of letting each split's training overwrite it.
 */
final class SplitJobContext implements JobContext {

    private final JobContext job;

    SplitJobContext(JobContext job) {
        this.job = job;
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
        // the backtest reports per split
    }

    @Override
    public boolean isCancelled() {
        return job.isCancelled();
    }

    @Override
    public void throwIfCancelled() {
        job.throwIfCancelled();
    }

    @Override
    public void onCancel(Runnable callback) {
        job.onCancel(callback);
    }
}
