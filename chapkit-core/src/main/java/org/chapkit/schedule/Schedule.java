package org.chapkit.schedule;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.chapkit.task.MissedRunPolicy;
import tools.jackson.databind.node.ObjectNode;

/**
 * A schedule as stored and served. Exactly one of {@code cron}, {@code interval} and {@code runAt} is set.
 *
 * @param id ULID
 * @param task name of the task it runs
 * @param params the task's params for every run
 * @param cron cron expression as given, or null
 * @param interval fixed interval (ISO-8601, for example {@code PT15M}), or null
 * @param runAt the single run time of a one-off schedule, or null
 * @param timeZone zone in which the cron expression is evaluated
 * @param enabled whether it fires
 * @param missedRunPolicy what happens to ticks missed while no instance ran
 * @param missedRunCap most missed ticks run at once by {@code run_all}
 * @param nextRunAt the next tick, or null when none is left
 * @param lastRunAt the tick of the last run submitted, or null
 * @param lastJobId the job of the last run submitted, or null
 * @param declaredInCode whether it comes from a {@code @Task} annotation (then it cannot be edited or deleted)
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Schedule(
        @JsonProperty("id") String id,
        @JsonProperty("task") String task,

        @JsonProperty("params") @Schema(description = "The task's params for every run", implementation = Object.class)
        ObjectNode params,

        @JsonProperty("cron") String cron,
        @JsonProperty("interval") String interval,
        @JsonProperty("run_at") Instant runAt,
        @JsonProperty("time_zone") String timeZone,
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("missed_run_policy") MissedRunPolicy missedRunPolicy,
        @JsonProperty("missed_run_cap") int missedRunCap,
        @JsonProperty("next_run_at") Instant nextRunAt,
        @JsonProperty("last_run_at") Instant lastRunAt,
        @JsonProperty("last_job_id") String lastJobId,
        @JsonProperty("declared_in_code") boolean declaredInCode,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {}
