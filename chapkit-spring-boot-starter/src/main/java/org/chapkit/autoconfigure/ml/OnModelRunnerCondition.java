package org.chapkit.autoconfigure.ml;

import java.util.List;
import org.chapkit.ml.runner.ModelRunner;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the application provides a model runner: a {@link ModelRunner} bean, a bean with a {@code @Train}
 * method, or {@code chapkit.ml.shell.train-command}.
 *
 * <p>Evaluated when beans are registered, not while configuration classes are parsed: a runner declared by a
 * {@code @Bean} method exists as a bean definition only after every configuration class has been parsed, so in the
 * parse phase only component-scanned runners were seen and a {@code @Bean ModelRunner} left the ML service off.
 */
final class OnModelRunnerCondition extends SpringBootCondition implements ConfigurationCondition {

    @Override
    public ConfigurationPhase getConfigurationPhase() {
        return ConfigurationPhase.REGISTER_BEAN;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String command = context.getEnvironment().getProperty("chapkit.ml.shell.train-command");
        if (command != null && !command.isBlank()) {
            return ConditionOutcome.match("chapkit.ml.shell.train-command is set");
        }
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        if (beans == null) {
            return ConditionOutcome.noMatch("no bean factory");
        }
        if (beans.getBeanNamesForType(ModelRunner.class, true, false).length > 0) {
            return ConditionOutcome.match("a ModelRunner bean exists");
        }
        List<String> annotated = AnnotatedRunnerBeans.names(beans);
        if (!annotated.isEmpty()) {
            return ConditionOutcome.match("annotated model runner bean " + annotated);
        }
        return ConditionOutcome.noMatch("no ModelRunner bean, no @Train bean and no chapkit.ml.shell.train-command");
    }
}
