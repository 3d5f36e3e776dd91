package org.chapkit.task;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.ReflectionUtils;

/** Runs a task method with bound JSON arguments and injected parameters resolved for one invocation. */
public class TaskInvoker {

    /**
     * Invokes the task and returns what the method returned (null for {@code void}).
     *
     * @throws RuntimeException what the method threw, as it is when unchecked
     * @throws TaskFailedException wrapping a checked exception the method threw
     */
    public Object invoke(BoundTaskParams bound, TaskInvocation invocation) {
        TaskDefinition task = bound.task();
        List<Object> arguments = new ArrayList<>(bound.arguments());
        for (TaskParameter parameter : task.parameters()) {
            if (parameter.injected()) {
                arguments.set(parameter.index(), parameter.injectedBy().resolve(parameter.parameter(), invocation));
            }
        }
        ReflectionUtils.makeAccessible(task.method());
        try {
            return task.method().invoke(task.bean(), arguments.toArray());
        } catch (InvocationTargetException ex) {
            Throwable cause = ex.getTargetException();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new TaskFailedException(task.name(), cause);
        } catch (IllegalAccessException ex) {
            throw new IllegalStateException("Cannot invoke task '" + task.name() + "'", ex);
        }
    }
}
