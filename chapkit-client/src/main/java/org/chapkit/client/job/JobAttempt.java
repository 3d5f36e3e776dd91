package org.chapkit.client.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * An attempt of a job that was cut short instead of ending by itself ({@code GET /api/v1/jobs/{id}/$attempts}, Java
 * services): the instance it ran on was declared dead, or shut down. A job that ran to its end has none.
 *
 * @param attempt which attempt it was (1 for the first run)
 * @param instanceId the instance that ran it
 * @param startedAt when it started, or {@code null} if unknown
 * @param endedAt when it was cut
 * @param outcome what became of the job: {@code requeued} (it runs again) or {@code failed}
 * @param reason why the attempt was cut
 */
public record JobAttempt(
        int attempt,
        @JsonProperty("instance_id") String instanceId,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("ended_at") Instant endedAt,
        String outcome,
        String reason) {}
