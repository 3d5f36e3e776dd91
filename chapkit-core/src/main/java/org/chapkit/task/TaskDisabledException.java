package org.chapkit.task;

import org.chapkit.problem.ConflictException;

/** A disabled task was asked to run (409). */
public class TaskDisabledException extends ConflictException {

    public TaskDisabledException(String name) {
        super("Task '" + name + "' is disabled; enable it with POST /api/v1/tasks/" + name + "/$enable");
    }
}
