package org.chapkit.job;

import java.time.Duration;

/**
 * Thrown by a {@link JobHandler} that cannot run yet (for example a cluster-wide concurrency slot is taken): the job
 * goes back to {@code pending}, its attempt is not counted, and it is picked again after {@link #delay()} by any
 * instance.
 */
public class JobDeferredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Duration delay;

    /**
     * @param reason why the job waits, for the log
     * @param delay how long to wait before the job is picked again
     */
    public JobDeferredException(String reason, Duration delay) {
        super(reason, null, false, false);
        this.delay = delay;
    }

    /** How long to wait before the job is picked again. */
    public Duration delay() {
        return delay;
    }
}
