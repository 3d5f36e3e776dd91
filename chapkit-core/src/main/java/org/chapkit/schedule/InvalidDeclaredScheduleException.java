package org.chapkit.schedule;

/** A schedule declared with {@code @Task(cron = …)} or {@code fixedInterval} cannot run; stops start-up. */
public class InvalidDeclaredScheduleException extends IllegalStateException {

    private final String taskName;

    /**
     * An invalid declared schedule.
     *
     * @param taskName the task that declares it
     * @param reason why it is invalid
     * @param cause the validation failure
     */
    public InvalidDeclaredScheduleException(String taskName, String reason, Throwable cause) {
        super("The schedule declared by task '" + taskName + "' is invalid: " + reason, cause);
        this.taskName = taskName;
    }

    /**
     * The task that declares the schedule.
     *
     * @return its name
     */
    public String taskName() {
        return taskName;
    }
}
