package org.chapkit.task;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The 202 answer to {@code $execute}: the job that will run the task and the artifact that will hold its result.
 *
 * @param jobId the job's ULID
 * @param artifactId the result artifact's pre-allocated ULID
 * @param message human-readable confirmation
 */
public record TaskExecutionAccepted(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("artifact_id") String artifactId,
        @JsonProperty("message") String message) {}
