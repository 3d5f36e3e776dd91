package org.chapkit.problem;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;

/** The last step before an error response is written: a contract generation's shape of a problem document. */
public interface ProblemRendering {

    /**
     * Completes {@code problem} for the response to {@code request}. It may change the status (so callers must answer
     * with {@code problem.getStatus()}) and the members, but never puts internals (stack traces, SQL, class names) in.
     *
     * @param problem the problem built for the error, with {@code type}, {@code title}, {@code detail} and
     *     {@code instance} filled
     * @param cause the exception being answered, or null when there is none (an error page, a filter)
     * @param request the request, or null when unknown
     */
    ProblemDetail render(ProblemDetail problem, Throwable cause, HttpServletRequest request);

    /**
     * Whether a database integrity violation answers 409 naming the constraint (true), or is treated as any
     * unexpected error, a 500 (false).
     */
    default boolean reportsIntegrityViolations() {
        return false;
    }

    /** The rendering that leaves problems as they are built (contract generation 1). */
    static ProblemRendering unchanged() {
        return (problem, cause, request) -> problem;
    }
}
