package org.chapkit.problem;

/** A resource that the request names does not exist (404). */
public class NotFoundException extends ChapkitException {

    public NotFoundException(String detail) {
        super(ProblemType.NOT_FOUND, detail);
    }
}
