package org.chapkit.ml.runner;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

/**
 * A parameter of an annotated runner method that needs a value.
 *
 * @param method the annotated method
 * @param parameter the parameter
 * @param phase which annotated method it belongs to
 */
public record InjectionPoint(Method method, Parameter parameter, Phase phase) {

    /**
     * A readable description, e.g. {@code parameter 'store' (ArtifactStore) of MyModel.train}.
     *
     * @return the description
     */
    public String describe() {
        return "parameter '" + parameter.getName() + "' ("
                + parameter.getParameterizedType().getTypeName() + ") of "
                + method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    /** The annotated methods of a model bean. */
    public enum Phase {
        /** {@link Train}. */
        TRAIN,
        /** {@link Predict}. */
        PREDICT,
        /** {@link ValidateTrain}. */
        VALIDATE_TRAIN,
        /** {@link ValidatePredict}. */
        VALIDATE_PREDICT
    }
}
