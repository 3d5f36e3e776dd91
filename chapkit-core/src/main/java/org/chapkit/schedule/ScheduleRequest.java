package org.chapkit.schedule;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST /api/v1/schedules} and {@code PUT /api/v1/schedules/{id}}. Exactly one of {@code cron},
 * {@code interval} and {@code run_at} is required.
 *
 * @param task name of a registered task
 * @param params the task's params (validated like {@code $execute}); null for none
 * @param cron cron expression: Spring's 6 fields ({@code sec min hour dom mon dow}), 5 Unix fields, or a macro
 *     such as {@code @daily}
 * @param interval fixed interval such as {@code 15m} or {@code PT15M}, at least {@code chapkit.schedules.min-interval}
 * @param runAt one-off run time, ISO-8601 with offset, or local in {@code time_zone}; must be in the future
 * @param timeZone time zone id (default {@code UTC})
 * @param enabled whether it fires (default true)
 * @param missedRunPolicy {@code skip} (default), {@code run_once} or {@code run_all}
 * @param missedRunCap most missed ticks run at once by {@code run_all} (default 10)
 */
public record ScheduleRequest(
        @JsonProperty("task") String task,

        @JsonProperty("params")
        @Schema(description = "The task's params as a JSON object", implementation = Object.class)
        JsonNode params,

        @JsonProperty("cron") String cron,
        @JsonProperty("interval") String interval,
        @JsonProperty("run_at") String runAt,
        @JsonProperty("time_zone") String timeZone,
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("missed_run_policy") String missedRunPolicy,
        @JsonProperty("missed_run_cap") Integer missedRunCap) {}
