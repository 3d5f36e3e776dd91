package org.chapkit.client.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A job's state ({@code JobRecord}, or {@code ChapkitJobRecord} with {@code artifact_id} on {@code $stream}).
 * Python chapkit services send {@code artifact_id} only on the stream; use the one from the 202 response.
 *
 * @param id ULID of the job
 * @param status current state
 * @param submittedAt when it was submitted
 * @param startedAt when it started running, or {@code null}
 * @param finishedAt when it finished, or {@code null}
 * @param error the error's last line when failed, or {@code null}
 * @param errorTraceback the full error trace when failed, or {@code null}
 * @param artifactId the result artifact, or {@code null}
 * @param progress last reported fraction done in [0, 1] (Java services, on {@code $stream}), or {@code null}
 * @param progressMessage last reported progress message (Java services, on {@code $stream}), or {@code null}
 */
public record JobRecord(
        String id,
        JobStatus status,
        @JsonProperty("submitted_at") Instant submittedAt,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("finished_at") Instant finishedAt,
        String error,
        @JsonProperty("error_traceback") String errorTraceback,
        @JsonProperty("artifact_id") String artifactId,
        Double progress,
        @JsonProperty("progress_message") String progressMessage) {

    /**
     * Whether the job will not change any more.
     *
     * @return {@code true} once completed, failed, canceled or deleted
     */
    public boolean isTerminal() {
        return status != null && status.isTerminal();
    }

    /**
     * Returns this record if the job completed, otherwise throws.
     *
     * @return this record
     * @throws JobFailedException if the job failed, was cancelled or deleted
     */
    public JobRecord requireCompleted() {
        if (status != JobStatus.COMPLETED) {
            throw new JobFailedException(this);
        }
        return this;
    }
}
