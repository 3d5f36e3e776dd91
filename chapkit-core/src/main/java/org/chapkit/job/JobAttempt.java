package org.chapkit.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An attempt of a job that was cut short instead of ending by itself, as {@code GET /api/v1/jobs/{id}/$attempts}
 * lists them: the instance it ran on was declared dead, or shut down.
 *
 * @param attempt which attempt it was (1 for the first run)
 * @param instanceId the instance that ran it
 * @param startedAt when it started, if known
 * @param endedAt when it was cut
 * @param outcome what became of the job: {@code requeued} (it runs again) or {@code failed}
 * @param reason why the attempt was cut
 */
public record JobAttempt(
        @JsonProperty("attempt") int attempt,
        @JsonProperty("instance_id") String instanceId,

        @JsonProperty("started_at") @JsonSerialize(using = JobTimestampSerializer.class)
        Instant startedAt,

        @JsonProperty("ended_at") @JsonSerialize(using = JobTimestampSerializer.class)
        Instant endedAt,

        @JsonProperty("outcome") String outcome,
        @JsonProperty("reason") String reason) {

    /** What became of the job when an attempt was re-queued: it runs again. */
    public static final String REQUEUED = "requeued";

    /** What became of the job when an attempt was cut and the job failed. */
    public static final String FAILED = "failed";

    /** Checks the required fields. */
    public JobAttempt {
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }
}
