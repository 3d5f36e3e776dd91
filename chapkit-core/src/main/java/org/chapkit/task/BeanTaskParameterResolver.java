package org.chapkit.task;

import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Set;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Injects Spring beans into task parameters whose type is annotated {@link TaskInjectable} or listed as
 * injectable in configuration. Exactly one bean of the type must exist.
 */
public class BeanTaskParameterResolver implements TaskParameterResolver {

    private final ListableBeanFactory beanFactory;
    private final Set<Class<?>> injectableTypes;

    public BeanTaskParameterResolver(ListableBeanFactory beanFactory, Set<Class<?>> injectableTypes) {
        this.beanFactory = beanFactory;
        this.injectableTypes = Set.copyOf(injectableTypes);
    }

    @Override
    public boolean supports(Parameter parameter) {
        Class<?> type = parameter.getType();
        return injectableTypes.contains(type) || AnnotatedElementUtils.hasAnnotation(type, TaskInjectable.class);
    }

    @Override
    public void verify(Parameter parameter) {
        String[] names = beanFactory.getBeanNamesForType(parameter.getType());
        if (names.length != 1) {
            throw new TaskRegistrationException("parameter '" + parameter.getName() + "' has injectable type "
                    + parameter.getType().getName() + " but "
                    + (names.length == 0
                            ? "no bean of that type exists"
                            : "several beans do: " + Arrays.toString(names)));
        }
    }

    @Override
    public Object resolve(Parameter parameter, TaskInvocation invocation) {
        return beanFactory.getBean(parameter.getType());
    }
}
