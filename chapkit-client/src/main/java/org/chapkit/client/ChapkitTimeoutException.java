package org.chapkit.client;

import java.time.Duration;

/** Thrown when a client-side wait (for example {@code waitForJob}) runs out of time before its condition held. */
public class ChapkitTimeoutException extends ChapkitClientException {

    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    /**
     * Creates the exception.
     *
     * @param message what was being waited for
     * @param timeout how long the client waited
     */
    public ChapkitTimeoutException(String message, Duration timeout) {
        super(message);
        this.timeout = timeout;
    }

    /**
     * How long the client waited before giving up.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }
}
