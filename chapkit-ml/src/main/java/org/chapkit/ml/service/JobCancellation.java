package org.chapkit.ml.service;

import java.util.concurrent.atomic.AtomicBoolean;
import org.chapkit.job.JobContext;
import org.chapkit.ml.runner.Cancellation;

/** A runner's {@link Cancellation} backed by the running job's {@link JobContext}. */
final class JobCancellation implements Cancellation {

    private final JobContext job;

    JobCancellation(JobContext job) {
        this.job = job;
    }

    @Override
    public boolean isCancelled() {
        return job.isCancelled();
    }

    @Override
    public Registration onCancel(Runnable callback) {
        // JobContext callbacks cannot be removed; a closed registration turns its callback into a no-op.
        AtomicBoolean active = new AtomicBoolean(true);
        job.onCancel(() -> {
            if (active.get()) {
                callback.run();
            }
        });
        return () -> active.set(false);
    }
}
