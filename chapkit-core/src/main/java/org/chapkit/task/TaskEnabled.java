package org.chapkit.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chapkit.event.ChapkitEvent;

/**
 * Event {@code org.chapkit.task.enabled}: a task was enabled (cluster-wide).
 *
 * @param task the task
 */
public record TaskEnabled(@JsonProperty("task") String task) implements ChapkitEvent {

    /** The event type. */
    public static final String TYPE = "org.chapkit.task.enabled";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return "tasks/" + task;
    }
}
