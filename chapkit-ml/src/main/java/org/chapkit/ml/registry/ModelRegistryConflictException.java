package org.chapkit.ml.registry;

import org.chapkit.problem.ConflictException;

/**
 * A registry change that the registry's current state forbids (409): an alias that moved since the caller read it,
 * an alias onto an archived version, archiving a version an alias points at, predicting with an archived version.
 */
public class ModelRegistryConflictException extends ConflictException {

    /**
     * Creates the exception.
     *
     * @param detail what conflicts, and how to resolve it
     */
    public ModelRegistryConflictException(String detail) {
        super(detail);
    }
}
