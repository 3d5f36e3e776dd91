package org.chapkit.test;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Turns {@link ChapkitServiceTest} on a test class (or an enclosing class of a {@code @Nested} one) into a {@link
 * ChapkitServiceTestContextCustomizer}. Registered in {@code META-INF/spring.factories}, where Spring's test
 * framework looks for context customizer factories.
 */
public final class ChapkitServiceTestContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        ChapkitServiceTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, ChapkitServiceTest.class);
        if (test == null) {
            return null;
        }
        return new ChapkitServiceTestContextCustomizer(test.database(), test.schedules(), test.registration());
    }
}
