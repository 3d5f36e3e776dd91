package org.chapkit.problem;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Explains in one sentence why a request body could not be read, without echoing internals. */
final class RequestBodyProblems {

    private RequestBodyProblems() {}

    static String describe(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return "Invalid value for '" + path(mismatch) + "': " + firstLine(mismatch.getOriginalMessage());
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return "Invalid value for '" + path(databind) + "': " + firstLine(databind.getOriginalMessage());
        }
        if (cause instanceof JacksonException jackson) {
            return "Malformed JSON: " + firstLine(jackson.getOriginalMessage());
        }
        if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            return "Request body is required";
        }
        return "Request body could not be read";
    }

    private static String path(DatabindException ex) {
        StringBuilder path = new StringBuilder();
        for (var ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
