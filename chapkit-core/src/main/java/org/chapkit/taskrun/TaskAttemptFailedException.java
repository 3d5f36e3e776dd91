package org.chapkit.taskrun;

/**
 * The job of a failed task attempt ends with this error when the retry policy schedules another attempt as a new
 * job; its message names that job and when it runs. The original failure is the cause.
 */
public class TaskAttemptFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TaskAttemptFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
