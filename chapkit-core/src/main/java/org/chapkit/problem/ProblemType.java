package org.chapkit.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The stable problem {@code type} URIs of chapkit, shared with servicekit so that clients that switch on
 * {@code type} behave the same against a Python and a Java service.
 */
public enum ProblemType {
    NOT_FOUND("urn:servicekit:error:not-found", "Resource Not Found", HttpStatus.NOT_FOUND),
    VALIDATION_FAILED("urn:servicekit:error:validation-failed", "Validation Failed", HttpStatus.BAD_REQUEST),
    CONFLICT("urn:servicekit:error:conflict", "Resource Conflict", HttpStatus.CONFLICT),
    PRECONDITION_FAILED("urn:chapkit:error:precondition-failed", "Precondition Failed", HttpStatus.PRECONDITION_FAILED),
    INVALID_ULID("urn:servicekit:error:invalid-ulid", "Invalid ULID Format", HttpStatus.BAD_REQUEST),
    BAD_REQUEST("urn:servicekit:error:bad-request", "Bad Request", HttpStatus.BAD_REQUEST),
    UNAUTHORIZED("urn:servicekit:error:unauthorized", "Unauthorized", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("urn:servicekit:error:forbidden", "Forbidden", HttpStatus.FORBIDDEN),
    METHOD_NOT_ALLOWED("urn:chapkit:error:method-not-allowed", "Method Not Allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("urn:chapkit:error:not-acceptable", "Not Acceptable", HttpStatus.NOT_ACCEPTABLE),
    UNSUPPORTED_MEDIA_TYPE(
            "urn:chapkit:error:unsupported-media-type", "Unsupported Media Type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    PAYLOAD_TOO_LARGE("urn:chapkit:error:payload-too-large", "Payload Too Large", HttpStatus.CONTENT_TOO_LARGE),
    UNPROCESSABLE("urn:chapkit:error:unprocessable", "Unprocessable Content", HttpStatus.UNPROCESSABLE_CONTENT),
    TOO_MANY_REQUESTS("urn:chapkit:error:too-many-requests", "Too Many Requests", HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL("urn:servicekit:error:internal", "Internal Server Error", HttpStatus.INTERNAL_SERVER_ERROR),
    SERVICE_UNAVAILABLE("urn:chapkit:error:service-unavailable", "Service Unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    private final URI uri;
    private final String title;
    private final HttpStatus status;

    ProblemType(String uri, String title, HttpStatus status) {
        this.uri = URI.create(uri);
        this.title = title;
        this.status = status;
    }

    /** The problem {@code type} member. */
    public URI uri() {
        return uri;
    }

    /** The problem {@code title} member. */
    public String title() {
        return title;
    }

    /** The default HTTP status for this type. */
    public HttpStatus status() {
        return status;
    }

    /** The problem type that best describes a bare HTTP status, used when a framework error carries no type. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }
}
