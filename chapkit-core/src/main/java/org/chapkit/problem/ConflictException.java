package org.chapkit.problem;

/** The request conflicts with the current state of a resource, for example a stale version (409). */
public class ConflictException extends ChapkitException {

    public ConflictException(String detail) {
        super(ProblemType.CONFLICT, detail);
    }

    public ConflictException(String detail, Throwable cause) {
        super(ProblemType.CONFLICT, detail, cause);
    }
}
