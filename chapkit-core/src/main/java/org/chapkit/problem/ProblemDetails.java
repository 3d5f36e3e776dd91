package org.chapkit.problem;

import java.net.URI;
import org.springframework.http.ProblemDetail;

/** Fills the members every chapkit problem response has: {@code type}, {@code title}, {@code detail}, {@code instance}. */
public final class ProblemDetails {

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private ProblemDetails() {}

    /** Completes {@code problem} in place for a response with {@code status} to the request at {@code path}. */
    public static ProblemDetail complete(ProblemDetail problem, int status, URI path) {
        ProblemType fallback = ProblemType.forStatus(status);
        if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType())) {
            problem.setType(fallback.uri());
            problem.setTitle(fallback.title());
        }
        if (problem.getTitle() == null) {
            problem.setTitle(fallback.title());
        }
        if (problem.getDetail() == null) {
            problem.setDetail(problem.getTitle());
        }
        if (problem.getInstance() == null && path != null) {
            problem.setInstance(path);
        }
        return problem;
    }

    /** A complete problem for a bare status and detail, as used by servlet filters and the error page. */
    public static ProblemDetail of(int status, String detail, URI path) {
        ProblemType type = ProblemType.forStatus(status);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                type.status().value() == status
                        ? type.status()
                        : org.springframework.http.HttpStatusCode.valueOf(status),
                detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return complete(problem, status, path);
    }
}
