package org.chapkit.contract;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chapkit.crud.VersionMismatchException;
import org.chapkit.problem.ConflictException;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ProblemRendering;
import org.chapkit.problem.ProblemType;
import org.chapkit.problem.RequestBodyProblems;
import org.chapkit.web.RequestIdFilter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Generation 2 (servicekit 2.0.2): {@code trace_id} and {@code instance} on every problem, 422 with FastAPI's
 * {@code errors: [{loc, type, msg}]} for invalid input, 412 for a stale {@code If-Match}, {@code constraint} on
 * integrity conflicts.
 */
final class Generation2Problems implements ProblemRendering {

    @Override
    public boolean reportsIntegrityViolations() {
        return true;
    }

    @Override
    public ProblemDetail render(ProblemDetail problem, Throwable cause, HttpServletRequest request) {
        if (cause instanceof VersionMismatchException) {
            retype(problem, ProblemType.PRECONDITION_FAILED, HttpStatus.PRECONDITION_FAILED.value());
        }
        if (cause instanceof ConflictException conflict && conflict.constraint() != null) {
            problem.setProperty("constraint", conflict.constraint());
        }
        List<FieldError> errors = fieldErrors(problem);
        if (errors == null
                && cause instanceof HttpMessageNotReadableException unreadable
                && problem.getStatus() == 400) {
            errors = List.of(RequestBodyProblems.fieldError(unreadable));
        }
        if (errors != null || ProblemType.VALIDATION_FAILED.uri().equals(problem.getType())) {
            retype(problem, ProblemType.VALIDATION_FAILED, HttpStatus.UNPROCESSABLE_CONTENT.value());
            problem.setProperty(
                    "errors",
                    errors == null
                            ? List.of()
                            : errors.stream().map(Generation2Problems::fastApi).toList());
        }
        if (problem.getInstance() == null && request != null && request.getRequestURI() != null) {
            try {
                problem.setInstance(URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException notAUri) {
                // a path Tomcat let through but that is no URI reference: no instance rather than no answer
            }
        }
        problem.setProperty("trace_id", RequestIdFilter.traceId(request));
        return problem;
    }

    private static void retype(ProblemDetail problem, ProblemType type, int status) {
        problem.setStatus(status);
        problem.setType(type.uri());
        problem.setTitle(type.title());
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> fieldErrors(ProblemDetail problem) {
        Object errors =
                problem.getProperties() == null ? null : problem.getProperties().get("errors");
        if (errors instanceof List<?> list && list.stream().allMatch(FieldError.class::isInstance)) {
            return (List<FieldError>) list;
        }
        return null;
    }

    private static Map<String, Object> fastApi(FieldError error) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("loc", error.loc());
        entry.put("type", error.type());
        entry.put("msg", error.message());
        return entry;
    }
}
