package org.chapkit.task;

import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * One run of a task, as seen by {@link TaskParameterResolver}s when they supply injected parameters.
 *
 * @param taskName the task's name
 * @param jobId id of the job running the task, or null outside a job
 * @param artifactId id of the artifact that will hold the result, or null
 * @param params the call's JSON params (for resolvers that read their own keys such as {@code config_id})
 * @param contextValues values offered by the runner by type, for example the job context
 */
public record TaskInvocation(
        String taskName, String jobId, String artifactId, ObjectNode params, Map<Class<?>, Object> contextValues) {

    public TaskInvocation {
        contextValues = Map.copyOf(contextValues);
    }

    /** The context value of {@code type}, if the runner offered one. */
    public <T> Optional<T> contextValue(Class<T> type) {
        return Optional.ofNullable(contextValues.get(type)).map(type::cast);
    }
}
