package org.chapkit.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chapkit.event.ChapkitEvent;

/**
 * Event {@code org.chapkit.task.disabled}: a task was disabled (cluster-wide): its schedules advance without running.
 *
 * @param task the task
 */
public record TaskDisabled(@JsonProperty("task") String task) implements ChapkitEvent {

    /** The event type. */
    public static final String TYPE = "org.chapkit.task.disabled";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return "tasks/" + task;
    }
}
