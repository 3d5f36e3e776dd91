package org.chapkit.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A task name the database knows but the code no longer has (removed or renamed by a deploy). Orphans are never
 * run: their schedules are skipped. They stay until deleted.
 *
 * @param name the task name
 * @param knownFrom where the name was found, for example {@code task_state} or {@code schedules}
 */
public record OrphanedTask(
        @JsonProperty("name") String name,
        @JsonProperty("known_from") List<String> knownFrom) {}
