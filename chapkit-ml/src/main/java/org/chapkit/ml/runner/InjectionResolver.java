package org.chapkit.ml.runner;

import java.util.Optional;

/**
 * Supplies values for annotated-runner parameters beyond the built-ins (config, tables, geo, model, context).
 * The hosting service registers resolvers for its own types, e.g. the artifact manager or a job context taken
 * from {@link RunContext#attribute}.
 */
@FunctionalInterface
public interface InjectionResolver {

    /**
     * Decides, once when the runner is built, whether this resolver can supply a parameter.
     *
     * @param point the parameter
     * @return how to obtain its value per call, or empty when this resolver does not handle it
     */
    Optional<Injection> resolve(InjectionPoint point);

    /**
     * A resolver that injects one fixed value into parameters of its type.
     *
     * @param type the parameter type
     * @param value the value
     * @param <T> the type
     * @return the resolver
     */
    static <T> InjectionResolver constant(Class<T> type, T value) {
        return point -> point.parameter().getType().equals(type) ? Optional.of(context -> value) : Optional.empty();
    }

    /**
     * A resolver that injects the {@link RunContext#attribute context attribute} of the parameter's type.
     *
     * @param type the parameter type
     * @param <T> the type
     * @return the resolver; a call fails when the attribute is missing
     */
    static <T> InjectionResolver contextAttribute(Class<T> type) {
        return point -> point.parameter().getType().equals(type)
                ? Optional.of(context -> context.attribute(type)
                        .orElseThrow(() -> new IllegalStateException(
                                "No " + type.getSimpleName() + " in the run context for " + point.describe())))
                : Optional.empty();
    }

    /** Produces a parameter value for one call. */
    @FunctionalInterface
    interface Injection {
        /**
         * The value.
         *
         * @param context the call's context
         * @return the value (may be {@code null})
         */
        Object value(RunContext context);
    }
}
