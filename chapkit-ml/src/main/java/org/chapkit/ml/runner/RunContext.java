package org.chapkit.ml.runner;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-call context handed to a runner: the job's cancellation and typed attributes the hosting service adds
 * (for example a job context for progress, or the artifact manager).
 *
 * @param cancellation the cancellation of the running job
 * @param attributes values by type
 */
public record RunContext(Cancellation cancellation, Map<Class<?>, Object> attributes) {

    /** Copies the attributes and checks each value has its key's type. */
    public RunContext {
        Objects.requireNonNull(cancellation, "cancellation");
        attributes = Map.copyOf(attributes);
        attributes.forEach((type, value) -> {
            if (!type.isInstance(value)) {
                throw new IllegalArgumentException(value + " is not a " + type.getName());
            }
        });
    }

    /**
     * A context without attributes that is never cancelled.
     *
     * @return the context
     */
    public static RunContext none() {
        return new RunContext(Cancellation.none(), Map.of());
    }

    /**
     * A context with a cancellation and no attributes.
     *
     * @param cancellation the cancellation
     * @return the context
     */
    public static RunContext of(Cancellation cancellation) {
        return new RunContext(cancellation, Map.of());
    }

    /**
     * The attribute of a type.
     *
     * @param type the type
     * @param <T> the type
     * @return the value, if present
     */
    public <T> Optional<T> attribute(Class<T> type) {
        return Optional.ofNullable(attributes.get(type)).map(type::cast);
    }
}
