package org.chapkit.client.task;

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
 */
public record TaskInfo(
        String name,
        String description,
        String docstring,
        String signature,
        JsonNode parameters,
        List<String> tags,
        Boolean enabled) {

    /** Normalises missing tags to an empty list. */
    public TaskInfo {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
