package org.chapkit.taskrun;

import java.time.Duration;

/** A task attempt ran longer than its {@code timeout} and was cancelled; retried like any other failure. */
public class TaskTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TaskTimeoutException(String taskName, Duration timeout) {
        super("Task '" + taskName + "' exceeded its timeout of " + timeout);
    }
}
