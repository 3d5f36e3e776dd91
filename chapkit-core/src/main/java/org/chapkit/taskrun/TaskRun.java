package org.chapkit.taskrun;

import java.time.Instant;

/**
 * One attempt of a task run: one job. Retries are further attempts (new jobs) sharing {@link #firstJobId()}.
 *
 * @param jobId the job running this attempt
 * @param taskName the task
 * @param firstJobId the job of the first attempt (the id {@code $execute} answered)
 * @param attempt 1 for the first attempt
 * @param paramsHash SHA-256 of the canonical JSON params, the result cache key
 * @param artifactId the artifact holding the outcome, once stored (or the cached artifact)
 * @param scheduleId the schedule that fired the run, or null
 * @param tick the schedule tick, or null
 * @param status {@code pending}, {@code running} (holds a concurrency slot), {@code completed}, {@code failed}
 *     (final failure, the error is in the artifact), {@code retrying} (failed, a next attempt is scheduled),
 *     {@code cached} (answered from the cache) or {@code interrupted} (cancelled or stopped)
 * @param submittedAt when the attempt was submitted
 * @param scheduledFor the earliest start of the attempt (after the retry backoff)
 * @param startedAt when the attempt got its slot and started, or null
 * @param finishedAt when the attempt ended, or null
 * @param error {@code Type: message} of a failed attempt, or null
 */
public record TaskRun(
        String jobId,
        String taskName,
        String firstJobId,
        int attempt,
        String paramsHash,
        String artifactId,
        String scheduleId,
        Instant tick,
        String status,
        Instant submittedAt,
        Instant scheduledFor,
        Instant startedAt,
        Instant finishedAt,
        String error) {}
