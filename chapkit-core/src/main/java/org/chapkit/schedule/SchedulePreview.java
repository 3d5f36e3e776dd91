package org.chapkit.schedule;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * Answer of {@code POST /api/v1/schedules/$preview}: when a schedule would fire if it were created now.
 *
 * @param task the task it would run
 * @param timeZone the zone its cron expression is read in
 * @param nextRuns the next fire times, earliest first; fewer than asked when the trigger ends
 */
public record SchedulePreview(
        @JsonProperty("task") String task,
        @JsonProperty("time_zone") String timeZone,
        @JsonProperty("next_runs") List<Instant> nextRuns) {

    /** Copies the list. */
    public SchedulePreview {
        nextRuns = List.copyOf(nextRuns);
    }
}
