package org.chapkit.problem;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** Explains in one sentence why a request body could not be read, without echoing internals. */
final class RequestBodyProblems {

    private RequestBodyProblems() {}

    static String describe(HttpMessageNotReadableException ex) {
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
