package org.chapkit.client.schedule;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * When a schedule would fire if it were created now, from {@code POST /api/v1/schedules/$preview}.
 *
 * @param task the task it would run
 * @param timeZone the zone its cron expression is read in
 * @param nextRuns the next fire times, earliest first; fewer than asked when the trigger ends
 */
public record SchedulePreview(
        String task,
        @JsonProperty("time_zone") String timeZone,
        @JsonProperty("next_runs") List<Instant> nextRuns) {

    /** Normalises a missing list to an empty one. */
    public SchedulePreview {
        nextRuns = nextRuns == null ? List.of() : List.copyOf(nextRuns);
    }
}
