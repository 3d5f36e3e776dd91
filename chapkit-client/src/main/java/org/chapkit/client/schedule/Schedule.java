package org.chapkit.client.schedule;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored schedule, from {@code /api/v1/schedules}. Exactly one of {@code cron}, {@code interval} and
 * {@code runAt} is set.
 *
 * @param id ULID of the schedule
 * @param task name of the task it runs
 * @param params the task's parameters
 * @param cron cron expression, or {@code null}
 * @param interval fixed interval between runs (ISO-8601 duration on the wire, e.g. {@code PT5M}), or {@code null}
 * @param runAt the single run time of a one-off schedule, or {@code null}
 * @param timeZone time zone the cron expression is read in, or {@code null} for UTC
 * @param enabled whether the schedule fires
 * @param missedRunPolicy what happens to ticks missed during downtime
 * @param missedRunCap most missed runs replayed by {@link MissedRunPolicy#RUN_ALL}, or {@code null}
 * @param nextRunAt when it fires next, or {@code null}
 * @param lastRunAt when it last fired, or {@code null}
 * @param lastJobId the job of the last run, or {@code null}
 * @param declaredInCode whether the schedule comes from the task's annotation rather than the API
 * @param createdAt when it was created, or {@code null}
 * @param updatedAt when it was last changed, or {@code null}
 */
public record Schedule(
        String id,
        String task,
        Map<String, Object> params,
        String cron,
        Duration interval,
        @JsonProperty("run_at") Instant runAt,
        @JsonProperty("time_zone") String timeZone,
        boolean enabled,
        @JsonProperty("missed_run_policy") MissedRunPolicy missedRunPolicy,
        @JsonProperty("missed_run_cap") Integer missedRunCap,
        @JsonProperty("next_run_at") Instant nextRunAt,
        @JsonProperty("last_run_at") Instant lastRunAt,
        @JsonProperty("last_job_id") String lastJobId,
        @JsonProperty("declared_in_code") boolean declaredInCode,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    /** Normalises missing params to an empty map. */
    public Schedule {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
