package org.chapkit.schedule;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chapkit.event.ChapkitEvent;

/**
 * Event {@code org.chapkit.schedule.missed}: ticks of a schedule passed without a run (the service was down or busy) and its missed-run policy skipped them.
 *
 * @param scheduleId the schedule
 * @param task the task it runs
 * @param skipped how many ticks were skipped
 * @param policy the missed-run policy that skipped them
 */
public record ScheduleMissed(
        @JsonProperty("schedule_id") String scheduleId,
        @JsonProperty("task") String task,
        @JsonProperty("skipped") long skipped,
        @JsonProperty("policy") String policy)
        implements ChapkitEvent {

    /** The event type. */
    public static final String TYPE = "org.chapkit.schedule.missed";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return "schedules/" + scheduleId;
    }
}
