package org.chapkit.ml.shell;

/** Thrown when the predict command did not write {@code predictions.csv} (the job fails, as in chapkit). */
public class MissingOutputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is missing, with the exit code and the end of stderr
     */
    public MissingOutputException(String message) {
        super(message);
    }
}
