package org.chapkit.task;

import java.lang.reflect.Parameter;
import java.lang.reflect.Type;

/**
 * One parameter of a task method.
 *
 * @param name the parameter's name (compile with {@code -parameters}), also its key in the JSON {@code params}
 * @param index position in the method's parameter list
 * @param parameter the reflected parameter, for its annotations and generic type
 * @param required whether a JSON parameter must be given (a primitive, or constrained with {@code @NotNull},
 *     {@code @NotBlank} or {@code @NotEmpty}); always false for injected parameters
 * @param injectedBy the resolver that supplies an injected parameter, or null when it is bound from JSON
 */
public record TaskParameter(
        String name, int index, Parameter parameter, boolean required, TaskParameterResolver injectedBy) {

    /** Whether the parameter is injected rather than bound from the call's JSON. */
    public boolean injected() {
        return injectedBy != null;
    }

    /** The parameter's declared class. */
    public Class<?> type() {
        return parameter.getType();
    }

    /** The parameter's generic type, for example {@code List<String>}. */
    public Type genericType() {
        return parameter.getParameterizedType();
    }
}
