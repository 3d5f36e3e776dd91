package org.chapkit.task;

import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Set;
import org.chapkit.problem.FieldError;
import tools.jackson.databind.node.ObjectNode;

/**
 * Supplies task parameters that are injected by type rather than bound from JSON: framework services (artifact and
 * config managers, the job context, the user's config resolved from {@code config_id}) and beans the user marked
 * injectable. Resolvers are Spring beans; the first one that supports a parameter wins.
 */
public interface TaskParameterResolver {

    /** Whether this resolver supplies {@code parameter}. Decided once, at start-up. */
    boolean supports(Parameter parameter);

    /**
     * Checked at start-up for every supported parameter.
     *
     * @throws TaskRegistrationException when the parameter can never be supplied (for example no bean exists)
     */
    default void verify(Parameter parameter) {}

    /** Keys of the JSON {@code params} this resolver reads itself (for example {@code config_id}). */
    default Set<String> claimedParams(Parameter parameter) {
        return Set.of();
    }

    /** Checks the call's JSON params before any job is created; adds one error per problem. */
    default void check(Parameter parameter, ObjectNode params, List<FieldError> errors) {}

    /** The value of {@code parameter} for one run. */
    Object resolve(Parameter parameter, TaskInvocation invocation);
}
