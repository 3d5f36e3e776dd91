package org.chapkit.ml.runner;

/** Thrown when a model bean cannot be turned into a runner (for example a parameter nothing can inject). */
public class RunnerDefinitionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the method and parameter
     */
    public RunnerDefinitionException(String message) {
        super(message);
    }
}
