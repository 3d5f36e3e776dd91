package org.chapkit.autoconfigure.registration;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code chapkit.registration.orchestrator-url} has a non-blank value. A blank value — what
 * {@code CHAPKIT_REGISTRATION_ORCHESTRATOR_URL=} in a compose file gives — counts as not set.
 */
final class OnOrchestratorUrlCondition extends SpringBootCondition {

    static final String PROPERTY = "chapkit.registration.orchestrator-url";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String value = context.getEnvironment().getProperty(PROPERTY, "");
        return value.isBlank()
                ? ConditionOutcome.noMatch(PROPERTY + " is not set")
                : ConditionOutcome.match(PROPERTY + " is set");
    }
}
