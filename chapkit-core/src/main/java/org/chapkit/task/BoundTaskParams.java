package org.chapkit.task;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The params of one call, bound to a task's parameters and validated. Binding happens before any job is created;
 * the job later receives {@code params} (JSON, durable) and binds them again when it runs.
 *
 * @param task the task
 * @param params the call's JSON params, as given
 * @param arguments one value per method parameter; null for injected parameters and for absent optional ones
 */
public record BoundTaskParams(TaskDefinition task, ObjectNode params, List<Object> arguments) {

    public BoundTaskParams {
        arguments = Collections.unmodifiableList(Arrays.asList(arguments.toArray()));
    }
}
