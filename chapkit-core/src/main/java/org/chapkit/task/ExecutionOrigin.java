package org.chapkit.task;

import java.time.Instant;

/**
 * Why a task run was submitted: a direct call, or a schedule's tick.
 *
 * @param scheduleId the schedule that fired, or null for a direct call
 * @param tick the schedule tick being run, or null
 */
public record ExecutionOrigin(String scheduleId, Instant tick) {

    /** A direct call through {@code $execute}. */
    public static ExecutionOrigin direct() {
        return new ExecutionOrigin(null, null);
    }
}
