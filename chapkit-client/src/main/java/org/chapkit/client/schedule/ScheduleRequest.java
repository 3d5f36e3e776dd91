package org.chapkit.client.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code POST /api/v1/schedules} and {@code PUT /api/v1/schedules/{id}}. Give exactly one of
 * {@code cron}, {@code interval} and {@code runAt}; {@code null} members are left out so the server applies its
 * defaults. Start from {@link #cron(String, String)}, {@link #every(String, Duration)} or
 * {@link #once(String, Instant)}.
 *
 * @param task name of the task to run
 * @param params the task's parameters, or {@code null}
 * @param cron cron expression, or {@code null}
 * @param interval fixed interval, or {@code null}
 * @param runAt single run time, or {@code null}
 * @param timeZone time zone for the cron expression, or {@code null}
 * @param enabled whether the schedule fires, or {@code null} for the server default
 * @param missedRunPolicy policy for missed ticks, or {@code null} for the server default
 * @param missedRunCap most missed runs replayed by {@link MissedRunPolicy#RUN_ALL}, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleRequest(
        String task,
        Map<String, Object> params,
        String cron,
        Duration interval,
        @JsonProperty("run_at") Instant runAt,
        @JsonProperty("time_zone") String timeZone,
        Boolean enabled,
        @JsonProperty("missed_run_policy") MissedRunPolicy missedRunPolicy,
        @JsonProperty("missed_run_cap") Integer missedRunCap) {

    /** Requires a task and exactly one trigger. */
    public ScheduleRequest {
        Objects.requireNonNull(task, "task");
        int triggers = (cron == null ? 0 : 1) + (interval == null ? 0 : 1) + (runAt == null ? 0 : 1);
        if (triggers != 1) {
            throw new IllegalArgumentException("A schedule needs exactly one of cron, interval and run_at");
        }
    }

    /**
     * A cron schedule.
     *
     * @param task task name
     * @param cron cron expression
     * @return the request
     */
    public static ScheduleRequest cron(String task, String cron) {
        return new ScheduleRequest(task, null, cron, null, null, null, null, null, null);
    }

    /**
     * A fixed-interval schedule.
     *
     * @param task task name
     * @param interval the interval
     * @return the request
     */
    public static ScheduleRequest every(String task, Duration interval) {
        return new ScheduleRequest(task, null, null, interval, null, null, null, null, null);
    }

    /**
     * A one-off schedule.
     *
     * @param task task name
     * @param runAt when to run
     * @return the request
     */
    public static ScheduleRequest once(String task, Instant runAt) {
        return new ScheduleRequest(task, null, null, null, runAt, null, null, null, null);
    }

    /**
     * A copy with parameters.
     *
     * @param params the task's parameters
     * @return the new request
     */
    public ScheduleRequest withParams(Map<String, Object> params) {
        return new ScheduleRequest(
                task, params, cron, interval, runAt, timeZone, enabled, missedRunPolicy, missedRunCap);
    }

    /**
     * A copy with a time zone.
     *
     * @param timeZone the zone id, for example {@code Europe/Oslo}
     * @return the new request
     */
    public ScheduleRequest withTimeZone(String timeZone) {
        return new ScheduleRequest(
                task, params, cron, interval, runAt, timeZone, enabled, missedRunPolicy, missedRunCap);
    }

    /**
     * A copy with the enabled flag.
     *
     * @param enabled whether it fires
     * @return the new request
     */
    public ScheduleRequest withEnabled(boolean enabled) {
        return new ScheduleRequest(
                task, params, cron, interval, runAt, timeZone, enabled, missedRunPolicy, missedRunCap);
    }

    /**
     * A copy with {@link MissedRunPolicy#RUN_ALL} capped at {@code cap} replayed runs.
     *
     * @param cap most missed runs to replay
     * @return the new request
     */
    public ScheduleRequest withRunAllMissed(int cap) {
        return new ScheduleRequest(
                task, params, cron, interval, runAt, timeZone, enabled, MissedRunPolicy.RUN_ALL, cap);
    }

    /**
     * A copy with a missed-run policy.
     *
     * @param policy the policy
     * @return the new request
     */
    public ScheduleRequest withMissedRunPolicy(MissedRunPolicy policy) {
        return new ScheduleRequest(task, params, cron, interval, runAt, timeZone, enabled, policy, missedRunCap);
    }
}
