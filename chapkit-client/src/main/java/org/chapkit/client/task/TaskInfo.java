package org.chapkit.client.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A registered task, from {@code GET /api/v1/tasks} and {@code GET /api/v1/tasks/{name}}.
 *
 * @param name stable task name ({@code [A-Za-z0-9_-]+})
 * @param description what the task does, or {@code null}
 * @param docstring longer documentation, or {@code null} (Python services)
 * @param signature the function signature as text, or {@code null}
 * @param parameters the task's parameters as the server describes them (a JSON Schema on Java services, a list
 *     on Python ones); kept as JSON
 * @param tags tags
 * @param enabled whether the task may be executed, or {@code null} when the server does not say
 * @param retry the retry policy, or {@code null}
 * @param concurrencyLimit how many runs may execute at once across the cluster, or {@code null} for no limit
 * @param timeout the run timeout as the server writes it (e.g. {@code 30s} or {@code PT30S}), or {@code null}
 * @param cacheTtl how long a result is reused for identical params, or {@code null}
 * @param schedule the schedule declared in code, or {@code null}
 * @param idempotent whether a run cut short by its instance's shutdown or death runs again rather than failing, or
 *     {@code null} when the server does not say (Python services, older Java ones)
 */
public record TaskInfo(
        String name,
        String description,
        String docstring,
        String signature,
        JsonNode parameters,
        List<String> tags,
        Boolean enabled,
        Retry retry,
        @JsonProperty("concurrency_limit") Integer concurrencyLimit,
        String timeout,
        @JsonProperty("cache_ttl") String cacheTtl,
        DeclaredSchedule schedule,
        Boolean idempotent) {

    /** Normalises missing tags to an empty list. */
    public TaskInfo {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /**
     * A task's retry policy.
     *
     * @param maxAttempts attempts in total, the first included
     * @param initialDelay delay before the first retry
     * @param multiplier growth factor of the delay
     * @param maxDelay largest delay
     * @param jitter random fraction added to each delay
     * @param nonRetryable exception types that are never retried
     */
    public record Retry(
            @JsonProperty("max_attempts") int maxAttempts,
            @JsonProperty("initial_delay") String initialDelay,
            double multiplier,
            @JsonProperty("max_delay") String maxDelay,
            double jitter,
            @JsonProperty("non_retryable") List<String> nonRetryable) {}

    /**
     * A schedule declared on the task in code.
     *
     * @param cron cron expression, or {@code null}
     * @param interval interval, or {@code null}
     * @param timeZone time zone of the cron expression, or {@code null}
     * @param missedRunPolicy {@code skip}, {@code run_once} or {@code run_all}
     * @param missedRunCap most missed runs replayed by {@code run_all}
     */
    public record DeclaredSchedule(
            String cron,
            String interval,
            @JsonProperty("time_zone") String timeZone,
            @JsonProperty("missed_run_policy") String missedRunPolicy,
            @JsonProperty("missed_run_cap") int missedRunCap) {}
}
