package org.chapkit.test;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.chapkit.client.ChapkitClient;
import org.chapkit.client.ChapkitTimeoutException;
import org.chapkit.client.job.Backoff;
import org.chapkit.client.job.JobRecord;
import org.chapkit.client.job.JobStatus;

/**
 * Waits for a service's jobs in tests, polling with a deadline (never a fixed sleep). A {@link ChapkitServiceTest}
 * has one as a bean; elsewhere create it with the service's client.
 */
public final class JobWaiter {

    /** How long the methods without a timeout wait. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final ChapkitClient client;

    /**
     * A waiter for the jobs of one service.
     *
     * @param client the service's client
     */
    public JobWaiter(ChapkitClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Waits until the job is finished and returns it if it completed.
     *
     * @param jobId the job's id (for example from {@code $train})
     * @return the completed job
     * @throws AssertionError if the job failed or was cancelled, with its error and traceback
     */
    public JobRecord completed(String jobId) {
        return completed(jobId, DEFAULT_TIMEOUT);
    }

    /**
     * Waits at most {@code timeout} until the job is finished and returns it if it completed.
     *
     * @param jobId the job's id
     * @param timeout how long to wait at most
     * @return the completed job
     * @throws AssertionError if the job failed, was cancelled, or is not finished in time
     */
    public JobRecord completed(String jobId, Duration timeout) {
        JobRecord job = finished(jobId, timeout);
        if (job.status() != JobStatus.COMPLETED) {
            throw new AssertionError("Job " + jobId + " ended " + job.status().wireValue() + " instead of completed"
                    + (job.error() == null ? "" : ": " + job.error())
                    + (job.errorTraceback() == null ? "" : "\n" + job.errorTraceback()));
        }
        return job;
    }

    /**
     * Waits at most {@code timeout} until the job is finished, whatever its outcome.
     *
     * @param jobId the job's id
     * @param timeout how long to wait at most
     * @return the finished job
     * @throws AssertionError if the job is not finished in time
     */
    public JobRecord finished(String jobId, Duration timeout) {
        try {
            return client.jobs().waitForJob(jobId, timeout, Backoff.DEFAULT);
        } catch (ChapkitTimeoutException ex) {
            throw new AssertionError(ex.getMessage(), ex);
        }
    }

    /**
     * Waits until the service has no pending or running job.
     *
     * @param timeout how long to wait at most
     * @throws AssertionError naming the unfinished jobs if some are still pending or running after {@code timeout}
     */
    public void idle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration delay = null;
        while (true) {
            List<JobRecord> busy = client.jobs().list().stream()
                    .filter(job -> job.status() == JobStatus.PENDING || job.status() == JobStatus.RUNNING)
                    .toList();
            if (busy.isEmpty()) {
                return;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new AssertionError("Jobs still unfinished after " + timeout + ": "
                        + busy.stream()
                                .map(job -> job.id() + " (" + job.status().wireValue() + ")")
                                .toList());
            }
            delay = Backoff.DEFAULT.next(delay);
            pause(delay.toNanos() > remaining ? Duration.ofNanos(remaining) : delay);
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for jobs", ex);
        }
    }
}
