package org.chapkit.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A job as {@code GET /api/v1/jobs} and {@code GET /api/v1/jobs/{id}} show it: servicekit's {@code JobRecord}
 * field set exactly (chapkit's response model filters {@code artifact_id} out of these two endpoints).
 *
 * @param id job ULID
 * @param status life-cycle state
 * @param submittedAt when the job was submitted
 * @param startedAt when a worker started it, or null
 * @param finishedAt when it reached a terminal state, or null
 * @param error short error ({@code ExceptionType: message}) when failed
 * @param errorTraceback full stack trace when failed
 */
@Schema(name = "JobRecord", description = "Complete record of a scheduled job's state and metadata.")
public record JobRecord(
        @Schema(description = "Unique job identifier", format = "ulid")
        String id,

        @Schema(description = "Current job status", defaultValue = "pending")
        JobStatus status,

        @JsonProperty("submitted_at")
        @JsonSerialize(using = JobTimestampSerializer.class)
        @Schema(type = "string", format = "date-time", nullable = true, description = "When the job was submitted")
        Instant submittedAt,

        @JsonProperty("started_at")
        @JsonSerialize(using = JobTimestampSerializer.class)
        @Schema(type = "string", format = "date-time", nullable = true, description = "When the job started running")
        Instant startedAt,

        @JsonProperty("finished_at")
        @JsonSerialize(using = JobTimestampSerializer.class)
        @Schema(type = "string", format = "date-time", nullable = true, description = "When the job finished")
        Instant finishedAt,

        @Schema(description = "User-friendly error message if job failed", nullable = true)
        String error,

        @JsonProperty("error_traceback") @Schema(description = "Full error traceback for debugging", nullable = true)
        String errorTraceback) {}
