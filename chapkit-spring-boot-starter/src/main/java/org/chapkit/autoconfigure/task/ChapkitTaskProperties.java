package org.chapkit.autoconfigure.task;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tasks: {@code @Task} methods of Spring beans, run as jobs.
 *
 * @param enabled whether tasks are discovered and served under {@code /api/v1/tasks}
 * @param injectableTypes bean types injected into task parameters of that type (besides types annotated
 *     {@code @TaskInjectable}); exactly one bean of each must exist
 * @param slotWait how long a task job that found all concurrency slots of its task taken waits (pending) before it
 *     tries again
 */
@ConfigurationProperties("chapkit.tasks")
public record ChapkitTaskProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue List<Class<?>> injectableTypes,
        @DefaultValue("1s") Duration slotWait) {}
