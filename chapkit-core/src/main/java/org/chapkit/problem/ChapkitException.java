package org.chapkit.problem;

import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Base of chapkit's domain exceptions. Each carries a stable {@link ProblemType} and a human-readable detail, and
 * is rendered as an RFC 9457 {@code application/problem+json} response.
 */
public class ChapkitException extends ErrorResponseException {

    private final ProblemType problemType;

    public ChapkitException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ChapkitException(ProblemType type, String detail, Throwable cause) {
        super(type.status(), problem(type, detail), cause);
        this.problemType = type;
    }

    /** The stable problem type of this exception. */
    public ProblemType problemType() {
        return problemType;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    /** Adds the {@code errors} extension listing invalid fields; returns this exception. */
    public ChapkitException withFieldErrors(List<FieldError> errors) {
        getBody().setProperty("errors", List.copyOf(errors));
        return this;
    }

    private static ProblemDetail problem(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }
}
