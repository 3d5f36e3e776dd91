package org.chapkit.client;

/**
 * Base class of every exception the chapkit client throws: transport failures (connection refused, timeouts,
 * unreadable bodies) are thrown as this type, error responses as the subclass {@link ChapkitProblemException}.
 */
public class ChapkitClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong
     */
    public ChapkitClientException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ChapkitClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
