package org.chapkit.autoconfigure.task;

import java.lang.reflect.Method;
import java.util.Map;
import org.chapkit.task.Task;
import org.chapkit.task.TaskManager;
import org.chapkit.task.TaskParameterResolver;
import org.chapkit.task.TaskRegistry;
import org.chapkit.task.internal.TaskDefinitionFactory;
import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Finds the {@link Task} methods of all singleton beans once every singleton exists (so injectable beans can be
 * checked), registers them, and records their names in the database. Any invalid or duplicate task stops start-up
 * with a message naming it.
 */
final class TaskDiscoverer implements SmartInitializingSingleton {

    private final ConfigurableListableBeanFactory beanFactory;
    private final TaskRegistry registry;
    private final ObjectProvider<TaskParameterResolver> resolvers;
    private final ObjectProvider<TaskManager> manager;

    TaskDiscoverer(
            ConfigurableListableBeanFactory beanFactory,
            TaskRegistry registry,
            ObjectProvider<TaskParameterResolver> resolvers,
            ObjectProvider<TaskManager> manager) {
        this.beanFactory = beanFactory;
        this.registry = registry;
        this.resolvers = resolvers;
        this.manager = manager;
    }

    @Override
    public void afterSingletonsInstantiated() {
        TaskDefinitionFactory factory =
                new TaskDefinitionFactory(resolvers.orderedStream().toList());
        for (String beanName : beanFactory.getBeanNamesForType(Object.class, false, false)) {
            if (ScopedProxyUtils.isScopedTarget(beanName)) {
                continue;
            }
            Class<?> type = AutoProxyUtils.determineTargetClass(beanFactory, beanName);
            if (type == null || !AnnotationUtils.isCandidateClass(type, Task.class)) {
                continue;
            }
            Map<Method, Task> methods = MethodIntrospector.selectMethods(type, (MethodIntrospector.MetadataLookup<Task>)
                    method -> AnnotatedElementUtils.findMergedAnnotation(method, Task.class));
            if (methods.isEmpty()) {
                continue;
            }
            Object bean = beanFactory.getBean(beanName);
            methods.forEach((method, annotation) -> registry.register(
                    factory.create(bean, AopUtils.selectInvocableMethod(method, bean.getClass()), annotation)));
        }
        manager.ifAvailable(TaskManager::recordRegisteredTasks);
    }
}
