package org.chapkit.id;

import org.chapkit.problem.ChapkitException;
import org.chapkit.problem.ProblemType;

/** A path or body value that should be a ULID is not one (400, {@code urn:servicekit:error:invalid-ulid}). */
public class InvalidUlidException extends ChapkitException {

    public InvalidUlidException(String value) {
        super(ProblemType.INVALID_ULID, "Invalid ULID format: " + value);
    }
}
