package org.chapkit.ml.registry;

import org.chapkit.problem.NotFoundException;

/** The registry has no such model, version or alias (404). */
public class ModelNotFoundException extends NotFoundException {

    /**
     * Creates the exception.
     *
     * @param detail what was not found
     */
    public ModelNotFoundException(String detail) {
        super(detail);
    }
}
