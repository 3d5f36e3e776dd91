package org.chapkit.client.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A task the database knows (from schedules or run history) whose code no longer exists, from
 * {@code GET /api/v1/tasks/$orphaned}.
 *
 * @param name the task name
 * @param knownFrom where the name is still referenced, for example {@code schedule} or {@code history}
 */
public record OrphanedTask(
        String name, @JsonProperty("known_from") List<String> knownFrom) {

    /** Normalises a missing list to an empty one. */
    public OrphanedTask {
        knownFrom = knownFrom == null ? List.of() : List.copyOf(knownFrom);
    }
}
