package org.chapkit.schedule;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chapkit.event.ChapkitEvent;

/**
 * Event {@code org.chapkit.schedule.fired}: a schedule's tick submitted a run of its task.
 *
 * @param scheduleId the schedule
 * @param task the task it runs
 * @param scheduledFor the tick
 * @param jobId the job of the run
 */
public record ScheduleFired(
        @JsonProperty("schedule_id") String scheduleId,
        @JsonProperty("task") String task,
        @JsonProperty("scheduled_for") java.time.Instant scheduledFor,
        @JsonProperty("job_id") String jobId)
        implements ChapkitEvent {

    /** The event type. */
    public static final String TYPE = "org.chapkit.schedule.fired";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return "schedules/" + scheduleId;
    }
}
