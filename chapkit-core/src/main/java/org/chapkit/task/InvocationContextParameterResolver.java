package org.chapkit.task;

import java.lang.reflect.Parameter;
import java.util.Set;

/**
 * Injects values the task runner offers per run (see {@link TaskInvocation#contextValues()}), such as the job
 * context with progress and cancellation. The types are fixed when the resolver is created.
 */
public class InvocationContextParameterResolver implements TaskParameterResolver {

    private final Set<Class<?>> types;

    public InvocationContextParameterResolver(Set<Class<?>> types) {
        this.types = Set.copyOf(types);
    }

    @Override
    public boolean supports(Parameter parameter) {
        return types.contains(parameter.getType());
    }

    @Override
    public Object resolve(Parameter parameter, TaskInvocation invocation) {
        return invocation
                .contextValue(parameter.getType())
                .orElseThrow(() -> new IllegalStateException("The runner of task '" + invocation.taskName()
                        + "' offered no " + parameter.getType().getName() + " for parameter '"
                        + parameter.getName() + "'"));
    }
}
