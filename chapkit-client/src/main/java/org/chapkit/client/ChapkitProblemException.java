package org.chapkit.client;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An error response from a chapkit service, decoded into RFC 9457 problem details.
 *
 * <p>Java chapkit services answer every error with {@code application/problem+json}. Python chapkit services also
 * answer some errors with {@code {"detail": "..."}} or FastAPI's 422 {@code {"detail": [...]}}; those are mapped
 * to the same fields here ({@link #title()} falls back to the HTTP reason phrase, list entries become
 * {@link #errors()}), so callers handle one exception type whatever the server.
 */
public class ChapkitProblemException extends ChapkitClientException {

    private static final long serialVersionUID = 1L;

    /** The problem {@code type} used when the body did not carry one (RFC 9457's default). */
    public static final URI ABOUT_BLANK = URI.create("about:blank");

    private final int status;
    private final URI type;
    private final String title;
    private final String detail;
    private final String instance;
    private final transient List<ProblemFieldError> errors;
    private final transient Map<String, Object> extensions;
    private final String method;
    private final URI uri;

    /**
     * Creates the exception.
     *
     * @param method HTTP method of the failed request
     * @param uri URI of the failed request
     * @param status HTTP status of the response
     * @param type problem type, {@link #ABOUT_BLANK} when absent
     * @param title short summary, never {@code null}
     * @param detail human-readable explanation, may be {@code null}
     * @param instance the problem's {@code instance} member, may be {@code null}
     * @param errors field errors, empty when none
     * @param extensions any other members of the problem body
     */
    public ChapkitProblemException(
            String method,
            URI uri,
            int status,
            URI type,
            String title,
            String detail,
            String instance,
            List<ProblemFieldError> errors,
            Map<String, Object> extensions) {
        super(describe(method, uri, status, title, detail, errors));
        this.method = method;
        this.uri = uri;
        this.status = status;
        this.type = type == null ? ABOUT_BLANK : type;
        this.title = title;
        this.detail = detail;
        this.instance = instance;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    private static String describe(
            String method, URI uri, int status, String title, String detail, List<ProblemFieldError> errors) {
        StringBuilder text = new StringBuilder()
                .append(method)
                .append(' ')
                .append(uri)
                .append(" failed: ")
                .append(status)
                .append(' ')
                .append(title);
        if (detail != null && !detail.isBlank() && !detail.equals(title)) {
            text.append(": ").append(detail);
        }
        if (errors != null) {
            for (ProblemFieldError error : errors) {
                text.append("; ")
                        .append(error.field() == null ? "" : error.field() + ": ")
                        .append(error.message());
            }
        }
        return text.toString();
    }

    /**
     * HTTP status of the response.
     *
     * @return the status code
     */
    public int status() {
        return status;
    }

    /**
     * The problem {@code type}, for example {@code urn:servicekit:error:not-found}.
     *
     * @return the type URI, {@link #ABOUT_BLANK} when the body had none
     */
    public URI type() {
        return type;
    }

    /**
     * The problem {@code title}, or the HTTP reason phrase when the body had none.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * The problem {@code detail} (or the {@code detail} string of a non-problem error body).
     *
     * @return the detail, or {@code null}
     */
    public String detail() {
        return detail;
    }

    /**
     * The problem {@code instance}, usually the request path.
     *
     * @return the instance, or {@code null}
     */
    public String instance() {
        return instance;
    }

    /**
     * Field errors from the {@code errors} extension.
     *
     * @return the field errors, empty when none
     */
    public List<ProblemFieldError> errors() {
        return errors;
    }

    /**
     * Members of the problem body other than the standard ones and {@code errors} (for example {@code trace_id}).
     *
     * @return the extension members
     */
    public Map<String, Object> extensions() {
        return extensions;
    }

    /**
     * The {@code trace_id} of a generation 2 service: the request id its logs carry for the failed request (the same
     * as the response's {@code X-Request-ID}); quote it when reporting the error.
     *
     * @return the trace id, or {@code null} when the service sent none (generation 1)
     */
    public String traceId() {
        Object id = extensions.get("trace_id");
        return id == null ? null : id.toString();
    }

    /**
     * The {@code constraint} a generation 2 service names for an integrity conflict (409), for example
     * {@code configs_pkey}.
     *
     * @return the constraint, or {@code null}
     */
    public String constraint() {
        Object constraint = extensions.get("constraint");
        return constraint == null ? null : constraint.toString();
    }

    /**
     * HTTP method of the failed request.
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * URI of the failed request.
     *
     * @return the URI
     */
    public URI uri() {
        return uri;
    }

    /**
     * Whether the status is 404.
     *
     * @return {@code true} for Not Found
     */
    public boolean isNotFound() {
        return status == 404;
    }

    /**
     * Whether the status is 409, for example an {@code If-Match} that no longer matches or a duplicate.
     *
     * @return {@code true} for Conflict
     */
    public boolean isConflict() {
        return status == 409;
    }

    /**
     * Whether the status is 412: a generation 2 service refusing an {@code If-Match} that no longer matches.
     *
     * @return {@code true} for Precondition Failed
     */
    public boolean isPreconditionFailed() {
        return status == 412;
    }

    /**
     * Whether the request was refused as invalid input: 400 with field errors (generation 1) or 422 (generation 2).
     *
     * @return {@code true} for a validation failure
     */
    public boolean isValidationFailure() {
        return status == 422 || (status == 400 && !errors.isEmpty());
    }
}
