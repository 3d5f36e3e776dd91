package org.chapkit.ml.shell;

import java.time.Duration;

/** Thrown when a train or predict command outlives its timeout; its whole process tree has been killed. */
public class CommandTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param command the command
     * @param timeout the timeout that expired
     */
    public CommandTimeoutException(String command, Duration timeout) {
        super("Command '" + command + "' did not finish within " + timeout + " and was killed");
    }
}
