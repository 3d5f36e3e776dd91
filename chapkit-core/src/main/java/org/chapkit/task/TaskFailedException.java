package org.chapkit.task;

/** A task method threw a checked exception; the original is the cause. Unchecked ones pass through as they are. */
public class TaskFailedException extends RuntimeException {

    public TaskFailedException(String taskName, Throwable cause) {
        super("Task '" + taskName + "' failed: " + cause, cause);
    }
}
