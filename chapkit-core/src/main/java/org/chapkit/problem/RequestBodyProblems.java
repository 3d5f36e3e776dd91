package org.chapkit.problem;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** Explains in one sentence why a request body could not be read, without echoing internals. */
public final class RequestBodyProblems {

    private RequestBodyProblems() {}

    /** The unreadable part of the body as one field error: the value's path, or the body itself. */
    public static FieldError fieldError(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return new FieldError(
                    JacksonErrors.pathOf(databind),
                    JacksonErrors.firstLine(databind.getOriginalMessage(), "unreadable input"),
                    FieldError.Source.BODY,
                    "type_error");
        }
        if (cause instanceof JacksonException) {
            return new FieldError("", describe(ex), FieldError.Source.BODY, "json_invalid");
        }
        return new FieldError("", describe(ex), FieldError.Source.BODY, "missing");
    }

    /** One sentence on why the body could not be read. */
    public static String describe(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return "Invalid value for '" + JacksonErrors.pathOf(databind) + "': "
                    + JacksonErrors.firstLine(databind.getOriginalMessage(), "unreadable input");
        }
        if (cause instanceof JacksonException jackson) {
            return "Malformed JSON: " + JacksonErrors.firstLine(jackson.getOriginalMessage(), "unreadable input");
        }
        if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            return "Request body is required";
        }
        return "Request body could not be read";
    }
}
