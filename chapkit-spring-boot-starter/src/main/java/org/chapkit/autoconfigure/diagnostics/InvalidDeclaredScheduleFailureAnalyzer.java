package org.chapkit.autoconfigure.diagnostics;

import org.chapkit.schedule.InvalidDeclaredScheduleException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a schedule declared on {@code @Task} that cannot run. */
final class InvalidDeclaredScheduleFailureAnalyzer extends AbstractFailureAnalyzer<InvalidDeclaredScheduleException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidDeclaredScheduleException cause) {
        return new FailureAnalysis(
                cause.getMessage() + ".",
                "Fix @Task(name = \"" + cause.taskName() + "\", cron = ..., fixedInterval = ...). A declared schedule"
                        + " runs the task without params, so every parameter of a scheduled task must be optional:"
                        + " use a wrapper type (Integer instead of int) without @NotNull and handle null, or drop the"
                        + " schedule from the annotation and create one with params through POST /api/v1/schedules."
                        + " Cron ticks must be at least chapkit.schedules.min-interval apart.",
                cause);
    }
}
