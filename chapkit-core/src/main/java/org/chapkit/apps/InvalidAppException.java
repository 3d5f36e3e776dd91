package org.chapkit.apps;

/** A static app's manifest or location is invalid; the app is not mounted. */
public class InvalidAppException extends RuntimeException {

    public InvalidAppException(String message) {
        super(message);
    }

    public InvalidAppException(String message, Throwable cause) {
        super(message, cause);
    }
}
