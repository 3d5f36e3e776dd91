package org.chapkit.problem;

import java.io.IOException;

/** Thrown while reading a request body that grows past the configured limit; answered with 413. */
public class RequestBodyTooLargeException extends IOException {

    public RequestBodyTooLargeException(long limit) {
        super("Request body exceeds the limit of " + limit + " bytes");
    }
}
