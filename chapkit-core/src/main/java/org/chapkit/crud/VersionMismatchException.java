package org.chapkit.crud;

import org.chapkit.problem.ConflictException;

/**
 * An {@code If-Match} header names a version the entity no longer has. Contract generation 1 answers 409 (as every
 * conflict); generation 2 answers 412 Precondition Failed.
 */
public class VersionMismatchException extends ConflictException {

    public VersionMismatchException(String detail) {
        super(detail);
    }
}
