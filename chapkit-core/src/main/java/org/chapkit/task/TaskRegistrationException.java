package org.chapkit.task;

/** A {@link Task} method cannot be registered: bad name, duplicate name, bad settings or unsatisfiable parameter. */
public class TaskRegistrationException extends IllegalStateException {

    public TaskRegistrationException(String message) {
        super(message);
    }

    public TaskRegistrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
