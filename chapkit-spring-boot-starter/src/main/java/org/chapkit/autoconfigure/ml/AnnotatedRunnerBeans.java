package org.chapkit.autoconfigure.ml;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.chapkit.ml.runner.Train;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/** Finds beans with a {@link Train @Train} method (annotated model runners), without creating them. */
final class AnnotatedRunnerBeans {

    private AnnotatedRunnerBeans() {}

    static List<String> names(ListableBeanFactory beans) {
        List<String> names = new ArrayList<>();
        for (String name : beans.getBeanDefinitionNames()) {
            Class<?> type = beans.getType(name, false);
            if (type != null && hasTrainMethod(ClassUtils.getUserClass(type))) {
                names.add(name);
            }
        }
        return names;
    }

    private static boolean hasTrainMethod(Class<?> type) {
        for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type)) {
            if (method.isAnnotationPresent(Train.class)) {
                return true;
            }
        }
        return false;
    }
}
