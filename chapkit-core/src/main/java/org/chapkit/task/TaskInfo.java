package org.chapkit.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code GET /api/v1/tasks} shows about a task.
 *
 * @param name stable name
 * @param description what the task does, or null
 * @param docstring the same as {@code description}, under the name chapkit used
 * @param signature readable Java signature
 * @param parameters JSON Schema of the {@code params} object; injected parameters carry {@code "x-injected": true}
 * @param tags tags
 * @param enabled whether the task accepts runs
 * @param retry retry policy
 * @param concurrencyLimit most concurrent runs across the cluster, null when unlimited
 * @param timeout longest a run may take (ISO-8601), or null
 * @param cacheTtl how long results are reused for identical params (ISO-8601), or null
 * @param schedule the schedule declared in code, or null
 * @param idempotent whether a run cut short by its instance's shutdown or death runs again rather than failing
 */
public record TaskInfo(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("docstring") String docstring,
        @JsonProperty("signature") String signature,

        @JsonProperty("parameters") @Schema(description = "JSON Schema of the params", implementation = Object.class)
        ObjectNode parameters,

        @JsonProperty("tags") List<String> tags,
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("retry") Retry retry,
        @JsonProperty("concurrency_limit") Integer concurrencyLimit,
        @JsonProperty("timeout") String timeout,
        @JsonProperty("cache_ttl") String cacheTtl,
        @JsonProperty("schedule") Schedule schedule,
        @JsonProperty("idempotent") boolean idempotent) {

    /**
     * Retry settings.
     *
     * @param maxAttempts attempts in total including the first
     * @param initialDelay delay before the second attempt (ISO-8601)
     * @param multiplier growth of the delay per attempt
     * @param maxDelay upper bound of a delay (ISO-8601)
     * @param jitter random spread as a fraction of the delay
     * @param nonRetryable exception class names that are never retried
     */
    public record Retry(
            @JsonProperty("max_attempts") int maxAttempts,
            @JsonProperty("initial_delay") String initialDelay,
            @JsonProperty("multiplier") double multiplier,
            @JsonProperty("max_delay") String maxDelay,
            @JsonProperty("jitter") double jitter,
            @JsonProperty("non_retryable") List<String> nonRetryable) {}

    /**
     * A schedule declared in code.
     *
     * @param cron cron expression, or null
     * @param interval fixed interval (ISO-8601), or null
     * @param timeZone time zone of the cron expression
     * @param missedRunPolicy skip, run_once or run_all
     * @param missedRunCap most missed ticks run at once by run_all
     */
    public record Schedule(
            @JsonProperty("cron") String cron,
            @JsonProperty("interval") String interval,
            @JsonProperty("time_zone") String timeZone,
            @JsonProperty("missed_run_policy") String missedRunPolicy,
            @JsonProperty("missed_run_cap") int missedRunCap) {}
}
