package org.chapkit.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One {@code $stream} frame: chapkit's {@code ChapkitJobRecord} (the {@link JobRecord} fields plus {@code
 * artifact_id}) followed by two additions, {@code progress} and {@code progress_message}. The additions are safe:
 * servicekit's {@code JobRecord} and chapkit's {@code ChapkitJobRecord} are pydantic models without {@code
 * extra="forbid"}, and chapkit's console parses frames with {@code JSON.parse}; see {@code designs/jobs.md}.
 *
 * @param id job ULID
 * @param status life-cycle state
 * @param submittedAt when the job was submitted
 * @param startedAt when a worker started it, or null
 * @param finishedAt when it reached a terminal state, or null
 * @param error short error when failed
 * @param errorTraceback full stack trace when failed
 * @param artifactId the artifact the handler returned, once completed
 * @param progress last reported fraction done in [0, 1], or null
 * @param progressMessage last reported progress message, or null
 */
public record JobStreamFrame(
        String id,
        JobStatus status,

        @JsonProperty("submitted_at") @JsonSerialize(using = JobTimestampSerializer.class)
        Instant submittedAt,

        @JsonProperty("started_at") @JsonSerialize(using = JobTimestampSerializer.class)
        Instant startedAt,

        @JsonProperty("finished_at") @JsonSerialize(using = JobTimestampSerializer.class)
        Instant finishedAt,

        String error,
        @JsonProperty("error_traceback") String errorTraceback,
        @JsonProperty("artifact_id") String artifactId,
        Double progress,
        @JsonProperty("progress_message") String progressMessage) {}
