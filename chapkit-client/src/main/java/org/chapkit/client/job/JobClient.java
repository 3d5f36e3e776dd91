package org.chapkit.client.job;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chapkit.client.ChapkitClientException;
import org.chapkit.client.ChapkitTimeoutException;
import org.chapkit.client.http.ChapkitHttp;
import org.chapkit.client.sse.SseStream;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

/** Access to {@code /api/v1/jobs}: list, read, delete, follow the event stream and wait for completion. */
public final class JobClient {

    private static final String BASE = "/api/v1/jobs";

    private final ChapkitHttp http;
    private final JavaType recordType;
    private final JavaType listType;
    private final JavaType runLogType;
    private final JavaType attemptsType;
    private final Sleeper sleeper;

    /**
     * Creates the client.
     *
     * @param http the shared transport
     */
    public JobClient(ChapkitHttp http) {
        this(http, Thread::sleep);
    }

    JobClient(ChapkitHttp http, Sleeper sleeper) {
        this.http = http;
        this.recordType = http.types().constructType(JobRecord.class);
        this.listType = http.types().constructCollectionType(List.class, JobRecord.class);
        this.runLogType = http.types().constructType(JobRunLog.class);
        this.attemptsType = http.types().constructCollectionType(List.class, JobAttempt.class);
        this.sleeper = sleeper;
    }

    /** How the poll loop waits; replaced in tests to record the delays instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * {@code GET /api/v1/jobs}: every job, newest first.
     *
     * @return the jobs
     */
    public List<JobRecord> list() {
        return http.get(BASE, null, listType);
    }

    /**
     * {@code GET /api/v1/jobs?status_filter=}: the jobs in one state, newest first.
     *
     * @param status the state to filter by
     * @return the jobs
     */
    public List<JobRecord> list(JobStatus status) {
        return http.get(BASE, Map.of("status_filter", status.wireValue()), listType);
    }

    /**
     * {@code GET /api/v1/jobs/{id}}.
     *
     * @param id job id
     * @return the job
     */
    public JobRecord get(String id) {
        return http.get(path(id), null, recordType);
    }

    /**
     * A job's run log: the metrics (with steps), parameters and tags its runner logged ({@code GET $run-log}).
     *
     * @param id the job's ULID
     * @return the run log
     */
    public JobRunLog runLog(String id) {
        return http.get(path(id) + "/$run-log", null, runLogType);
    }

    /**
     * A job's attempts that were cut short (its instance was declared dead, or shut down), oldest first
     * ({@code GET $attempts}). Empty for a job that ran to its end.
     *
     * @param id the job's ULID
     * @return the cut-short attempts
     */
    public List<JobAttempt> attempts(String id) {
        return http.get(path(id) + "/$attempts", null, attemptsType);
    }

    /**
     * {@code DELETE /api/v1/jobs/{id}}: cancels the job if it is running, then deletes its record.
     *
     * @param id job id
     */
    public void delete(String id) {
        http.exchange("DELETE", path(id), null, null, null);
    }

    /**
     * {@code GET /api/v1/jobs/$schema}.
     *
     * @return the JSON Schema of the job list
     */
    public JsonNode schema() {
        return http.get(BASE + "/$schema", JsonNode.class);
    }

    /**
     * {@code GET /api/v1/jobs/{id}/$stream}: the job's record at every poll interval, ending after a terminal one
     * (a deleted job ends with status {@link JobStatus#DELETED}).
     *
     * @param id job id
     * @param pollInterval how often the server re-reads the job, or {@code null} for its default (0.5 s)
     * @return the open stream; close it to stop early
     */
    public SseStream<JobRecord> stream(String id, Duration pollInterval) {
        Map<String, Object> query =
                pollInterval == null ? Map.of() : Map.of("poll_interval", ChapkitHttp.seconds(pollInterval));
        return http.events(path(id) + "/$stream", query, recordType);
    }

    /**
     * Polls {@code GET /api/v1/jobs/{id}} with {@link Backoff#DEFAULT} until the job is terminal.
     *
     * @param id job id
     * @param timeout how long to wait at most
     * @return the terminal record (check {@link JobRecord#status()}, or call {@link JobRecord#requireCompleted()})
     * @throws ChapkitTimeoutException if the job is still running after {@code timeout}
     */
    public JobRecord waitForJob(String id, Duration timeout) {
        return waitForJob(id, timeout, Backoff.DEFAULT);
    }

    /**
     * Polls {@code GET /api/v1/jobs/{id}} with the given backoff until the job is terminal.
     *
     * @param id job id
     * @param timeout how long to wait at most
     * @param backoff the delays between polls
     * @return the terminal record
     * @throws ChapkitTimeoutException if the job is still running after {@code timeout}
     */
    public JobRecord waitForJob(String id, Duration timeout, Backoff backoff) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(backoff, "backoff");
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration delay = null;
        while (true) {
            JobRecord job = get(id);
            if (job.isTerminal()) {
                return job;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new ChapkitTimeoutException(
                        "Job " + id + " is still "
                                + (job.status() == null
                                        ? "unfinished"
                                        : job.status().wireValue()) + " after " + timeout,
                        timeout);
            }
            delay = backoff.next(delay);
            Duration sleep = delay.toNanos() > remaining ? Duration.ofNanos(remaining) : delay;
            try {
                sleeper.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChapkitClientException("Interrupted while waiting for job " + id, e);
            }
        }
    }

    /**
     * Follows {@code $stream} until the job is terminal, without polling from the client. Unlike
     * {@link #waitForJob(String, Duration)} this sees {@code artifact_id} even on Python services.
     *
     * @param id job id
     * @return the terminal record
     * @throws ChapkitClientException if the stream ends before a terminal record
     */
    public JobRecord followJob(String id) {
        try (SseStream<JobRecord> events = stream(id, null)) {
            JobRecord last = null;
            for (JobRecord job : events) {
                last = job;
                if (job.isTerminal()) {
                    return job;
                }
            }
            throw new ChapkitClientException("The event stream of job " + id + " ended before the job finished"
                    + (last == null || last.status() == null
                            ? ""
                            : " (last status " + last.status().wireValue() + ")"));
        }
    }

    private static String path(String id) {
        return BASE + "/" + ChapkitHttp.segment(id);
    }
}
