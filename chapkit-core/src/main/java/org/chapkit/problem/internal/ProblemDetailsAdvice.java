package org.chapkit.problem.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.chapkit.problem.ConflictException;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.IntegrityViolations;
import org.chapkit.problem.ProblemDetails;
import org.chapkit.problem.ProblemRendering;
import org.chapkit.problem.ProblemType;
import org.chapkit.problem.RequestBodyProblems;
import org.chapkit.problem.RequestBodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception that reaches Spring MVC into an RFC 9457 {@code application/problem+json} response with a
 * stable {@code type}, a string {@code detail}, the request path as {@code instance} and, for invalid input, an
 * {@code errors} list of {@link FieldError}s. Unexpected exceptions become a 500 whose body never contains a stack
 * trace.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final ProblemRendering rendering;

    /** An advice that writes problems as they are built (contract generation 1). */
    public ProblemDetailsAdvice() {
        this(ProblemRendering.unchanged());
    }

    /** An advice that gives every problem the shape of {@code rendering} (see {@code ContractGeneration}). */
    public ProblemDetailsAdvice(ProblemRendering rendering) {
        this.rendering = rendering;
    }

    /**
     * A database integrity violation that no feature turned into a domain error: 409 naming the constraint when the
     * contract generation reports them, else an unexpected error. The database's message never reaches the client.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    public ResponseEntity<Object> handleIntegrityViolation(DataIntegrityViolationException ex, WebRequest request) {
        if (!rendering.reportsIntegrityViolations()) {
            return handleUnexpected(ex, request);
        }
        log.info(
                "Integrity violation for {}: {}",
                describe(request),
                ex.getMostSpecificCause().getMessage());
        String constraint = IntegrityViolations.constraintOf(ex).orElse(null);
        ConflictException conflict = new ConflictException(
                        constraint == null
                                ? "The change conflicts with stored data"
                                : "The change conflicts with stored data (constraint " + constraint + ")",
                        ex)
                .withConstraint(constraint);
        return handleExceptionInternal(conflict, null, new HttpHeaders(), conflict.getStatusCode(), request);
    }

    /** Last-resort handler: logs the failure and answers 500 without internals in the body. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Unhandled exception for {}", describe(request), ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                ProblemType.INTERNAL.status(), "An unexpected error occurred; see the service log for details.");
        return handleExceptionInternal(ex, body, new HttpHeaders(), ProblemType.INTERNAL.status(), request);
    }

    /** A path or query parameter of the wrong type (for example text where a number is expected). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
        String expected = ex.getRequiredType() == null
                ? "another type"
                : ex.getRequiredType().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        String detail = "Parameter '%s' must be %s, got '%s'".formatted(ex.getName(), expected, ex.getValue());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(ProblemType.BAD_REQUEST.status(), detail);
        boolean pathVariable = ex.getParameter().hasParameterAnnotation(PathVariable.class);
        body.setProperty(
                "errors",
                List.of(pathVariable ? FieldError.path(ex.getName(), detail) : FieldError.query(ex.getName(), detail)));
        return handleExceptionInternal(ex, body, new HttpHeaders(), ProblemType.BAD_REQUEST.status(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult()
                .getFieldErrors()
                .forEach(e -> errors.add(new FieldError(e.getField(), String.valueOf(e.getDefaultMessage()))));
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(e -> errors.add(new FieldError(e.getObjectName(), String.valueOf(e.getDefaultMessage()))));
        return validationProblem(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(e ->
                            errors.add(new FieldError(String.valueOf(name), String.valueOf(e.getDefaultMessage()))));
        });
        return validationProblem(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                ProblemDetail body =
                        ProblemDetail.forStatusAndDetail(ProblemType.PAYLOAD_TOO_LARGE.status(), tooLarge.getMessage());
                return handleExceptionInternal(ex, body, headers, ProblemType.PAYLOAD_TOO_LARGE.status(), request);
            }
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, RequestBodyProblems.describe(ex));
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body =
                ProblemDetail.forStatusAndDetail(status, "No endpoint or resource at /" + ex.getResourcePath());
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // ErrorResponseException (and so every ChapkitException) reaches here with a null body: keep its own
        // problem, with its type and extensions such as the field errors.
        ProblemDetail problem = body instanceof ProblemDetail pd
                ? pd
                : ex instanceof ErrorResponse errorResponse ? errorResponse.getBody() : ProblemDetail.forStatus(status);
        if (status.is4xxClientError()
                && (problem.getDetail() == null || problem.getDetail().equals(problem.getTitle()))) {
            // Spring MVC's own 4xx exceptions describe the client's mistake; they carry no internals.
            problem.setDetail(ex.getMessage());
        }
        ProblemDetails.complete(problem, status.value(), pathOf(request));
        problem = rendering.render(problem, ex, servletRequest(request));
        HttpHeaders responseHeaders = new HttpHeaders();
        if (headers != null) {
            responseHeaders.putAll(headers);
        }
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(problem.getStatus())
                .headers(responseHeaders)
                .body(problem);
    }

    private ResponseEntity<Object> validationProblem(
            Exception ex, List<FieldError> errors, HttpHeaders headers, WebRequest request) {
        String detail = errors.isEmpty()
                ? "Request validation failed"
                : "Request validation failed: "
                        + String.join(
                                "; ",
                                errors.stream()
                                        .map(e -> e.field() + ": " + e.message())
                                        .toList());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(ProblemType.VALIDATION_FAILED.status(), detail);
        body.setType(ProblemType.VALIDATION_FAILED.uri());
        body.setTitle(ProblemType.VALIDATION_FAILED.title());
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, ProblemType.VALIDATION_FAILED.status(), request);
    }

    private static URI pathOf(WebRequest request) {
        HttpServletRequest servletRequest = servletRequest(request);
        return servletRequest == null ? null : URI.create(servletRequest.getRequestURI());
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class)
                : null;
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest swr
                ? swr.getHttpMethod() + " " + swr.getRequest().getRequestURI()
                : request.getDescription(false);
    }
}
