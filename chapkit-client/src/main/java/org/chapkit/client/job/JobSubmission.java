package org.chapkit.client.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The 202 answer of every job-starting call ({@code $train}, {@code $predict}, task {@code $execute}, schedule
 * {@code $trigger}): the job to follow and the pre-allocated id of the artifact it will produce.
 *
 * @param jobId id of the submitted job
 * @param artifactId id the result artifact will have
 * @param message human-readable confirmation
 */
public record JobSubmission(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("artifact_id") String artifactId,
        String message) {}
