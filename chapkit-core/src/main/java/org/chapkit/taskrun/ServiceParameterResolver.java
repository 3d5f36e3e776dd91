package org.chapkit.taskrun;

import java.lang.reflect.Parameter;
import org.chapkit.task.TaskInvocation;
import org.chapkit.task.TaskParameterResolver;

/**
 * Injects one framework service by its exact type, for example the {@code ArtifactManager} or the
 * {@code ConfigManager}, into task parameters declared with that type.
 */
public class ServiceParameterResolver implements TaskParameterResolver {

    private final Class<?> type;
    private final Object service;

    /**
     * @param type the parameter type that receives the service
     * @param service the service
     */
    public ServiceParameterResolver(Class<?> type, Object service) {
        this.type = type;
        this.service = type.cast(service);
    }

    @Override
    public boolean supports(Parameter parameter) {
        return parameter.getType() == type;
    }

    @Override
    public Object resolve(Parameter parameter, TaskInvocation invocation) {
        return service;
    }
}
