package org.chapkit.client.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/tasks/{name}/$execute}.
 *
 * @param params the task's parameters by name (free-form JSON values)
 */
public record TaskExecution(Map<String, Object> params) {

    /** Normalises missing params to an empty map. */
    public TaskExecution {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
