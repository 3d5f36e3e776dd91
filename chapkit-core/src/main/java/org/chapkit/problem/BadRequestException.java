package org.chapkit.problem;

/** The request is malformed or names something that cannot be used (400). */
public class BadRequestException extends ChapkitException {

    public BadRequestException(String detail) {
        super(ProblemType.BAD_REQUEST, detail);
    }

    public BadRequestException(String detail, Throwable cause) {
        super(ProblemType.BAD_REQUEST, detail, cause);
    }
}
