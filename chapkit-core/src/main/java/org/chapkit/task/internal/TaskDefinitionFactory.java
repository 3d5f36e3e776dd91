package org.chapkit.task.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.chapkit.task.DeclaredSchedule;
import org.chapkit.task.RetryPolicy;
import org.chapkit.task.Task;
import org.chapkit.task.TaskDefinition;
import org.chapkit.task.TaskParameter;
import org.chapkit.task.TaskParameterResolver;
import org.chapkit.task.TaskRegistrationException;
import org.chapkit.task.TaskRegistry;
import org.springframework.format.datetime.standard.DurationFormatterUtils;

/**
 * Turns a {@link Task}-annotated bean method into a {@link TaskDefinition}: reads and checks its settings and
 * decides, per parameter, whether it is injected (by the first {@link TaskParameterResolver} that supports it) or
 * bound from JSON. Every problem is reported as a {@link TaskRegistrationException} naming the method.
 */
public class TaskDefinitionFactory {

    private final List<TaskParameterResolver> resolvers;

    public TaskDefinitionFactory(List<TaskParameterResolver> resolvers) {
        this.resolvers = List.copyOf(resolvers);
    }

    /**
     * Reads the task declared by {@code annotation} on {@code method}.
     *
     * @param bean the bean to invoke the method on
     * @param method the method, invocable on {@code bean}
     */
    public TaskDefinition create(Object bean, Method method, Task annotation) {
        String where = method.getDeclaringClass().getName() + "." + method.getName() + "()";
        String name = annotation.name().isEmpty() ? method.getName() : annotation.name();
        if (!TaskRegistry.NAME.matcher(name).matches()) {
            throw new TaskRegistrationException("Task name '" + name + "' of " + where
                    + " is invalid; a task name may contain only letters, digits, '_' and '-'");
        }
        String context = "Task '" + name + "' (" + where + ")";
        if (Modifier.isStatic(method.getModifiers())) {
            throw new TaskRegistrationException(context + ": a task method must not be static");
        }
        try {
            RetryPolicy retry = retryPolicy(annotation.retry());
            if (annotation.concurrencyLimit() < 0) {
                throw new IllegalArgumentException(
                        "concurrencyLimit must be 0 (unlimited) or more, got " + annotation.concurrencyLimit());
            }
            Duration timeout = positiveOrNull("timeout", annotation.timeout());
            Duration cacheTtl = positiveOrNull("cacheTtl", annotation.cacheTtl());
            DeclaredSchedule schedule = schedule(annotation);
            List<TaskParameter> parameters = new ArrayList<>();
            Parameter[] reflected = method.getParameters();
            for (int i = 0; i < reflected.length; i++) {
                parameters.add(parameter(reflected[i], i));
            }
            String description = annotation.description().isBlank() ? null : annotation.description();
            return new TaskDefinition(
                    name,
                    description,
                    Arrays.asList(annotation.tags()),
                    bean,
                    method,
                    parameters,
                    retry,
                    annotation.concurrencyLimit(),
                    timeout,
                    cacheTtl,
                    schedule,
                    annotation.idempotent());
        } catch (IllegalArgumentException | TaskRegistrationException ex) {
            throw new TaskRegistrationException(context + ": " + ex.getMessage(), ex);
        }
    }

    private TaskParameter parameter(Parameter parameter, int index) {
        if (!parameter.isNamePresent()) {
            throw new TaskRegistrationException("parameter names are not available; compile with -parameters");
        }
        for (TaskParameterResolver resolver : resolvers) {
            if (resolver.supports(parameter)) {
                resolver.verify(parameter);
                return new TaskParameter(parameter.getName(), index, parameter, false, resolver);
            }
        }
        boolean required = parameter.getType().isPrimitive()
                || parameter.isAnnotationPresent(NotNull.class)
                || parameter.isAnnotationPresent(NotBlank.class)
                || parameter.isAnnotationPresent(NotEmpty.class);
        return new TaskParameter(parameter.getName(), index, parameter, required, null);
    }

    private static RetryPolicy retryPolicy(Task.Retry retry) {
        return new RetryPolicy(
                retry.maxAttempts(),
                duration("retry.initialDelay", retry.initialDelay()),
                retry.multiplier(),
                duration("retry.maxDelay", retry.maxDelay()),
                retry.jitter(),
                Arrays.asList(retry.nonRetryable()));
    }

    private static DeclaredSchedule schedule(Task annotation) {
        boolean cron = !annotation.cron().isBlank();
        boolean interval = !annotation.fixedInterval().isBlank();
        if (!cron && !interval) {
            return null;
        }
        if (cron && interval) {
            throw new IllegalArgumentException("declare either cron or fixedInterval, not both");
        }
        return new DeclaredSchedule(
                cron ? annotation.cron() : null,
                interval ? positiveOrNull("fixedInterval", annotation.fixedInterval()) : null,
                annotation.timeZone(),
                annotation.missedRunPolicy(),
                annotation.missedRunCap());
    }

    private static Duration positiveOrNull(String attribute, String text) {
        if (text.isBlank()) {
            return null;
        }
        Duration duration = duration(attribute, text);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(attribute + " must be positive, got '" + text + "'");
        }
        return duration;
    }

    private static Duration duration(String attribute, String text) {
        try {
            return DurationFormatterUtils.detectAndParse(text.trim());
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(attribute + ": " + ex.getMessage(), ex);
        }
    }
}
