package org.chapkit.task;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A registered task: a bean method and its settings, as read from {@link Task}.
 *
 * @param name stable name ({@code [A-Za-z0-9_-]+})
 * @param description what the task does, or null
 * @param tags tags
 * @param bean the bean whose method runs (possibly a proxy)
 * @param method the method to invoke on {@code bean}
 * @param parameters the method's parameters in order
 * @param retry retry policy
 * @param concurrencyLimit most concurrent runs across the cluster, 0 for unlimited
 * @param timeout longest a run may take, or null for no limit
 * @param cacheTtl how long a result is reused for identical params, or null for no caching
 * @param schedule the schedule declared in code, or null
 * @param idempotent whether a run cut short by its instance's shutdown or death is re-queued rather than failed
 */
public record TaskDefinition(
        String name,
        String description,
        List<String> tags,
        Object bean,
        Method method,
        List<TaskParameter> parameters,
        RetryPolicy retry,
        int concurrencyLimit,
        Duration timeout,
        Duration cacheTtl,
        DeclaredSchedule schedule,
        boolean idempotent) {

    public TaskDefinition {
        tags = List.copyOf(tags);
        parameters = List.copyOf(parameters);
    }

    /** A readable signature, for example {@code refresh(String dataset, int days) -> Map<String, Object>}. */
    public String signature() {
        String params = parameters.stream()
                .map(p -> typeName(p.genericType()) + " " + p.name())
                .collect(Collectors.joining(", "));
        return name + "(" + params + ") -> " + typeName(method.getGenericReturnType());
    }

    private static String typeName(Type type) {
        return type.getTypeName().replaceAll("\\b[a-z][a-z0-9_]*\\.", "").replace("$", ".");
    }
}
