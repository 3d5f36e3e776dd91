package org.chapkit.autoconfigure.diagnostics;

import org.chapkit.task.TaskRegistrationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a {@code @Task} method that cannot be registered: a name clash, a bad name or setting, a parameter. */
final class TaskRegistrationFailureAnalyzer extends AbstractFailureAnalyzer<TaskRegistrationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TaskRegistrationException cause) {
        String message = cause.getMessage();
        String action;
        if (message.contains("Duplicate task name")) {
            action = "Give each task a name of its own with @Task(name = \"...\"); task names are unique within the"
                    + " service (the method name is used when name is empty).";
        } else if (message.contains("is invalid; a task name")) {
            action = "Rename the task in @Task(name = \"...\") using only letters, digits, '_' and '-'.";
        } else if (message.contains("injectable type")) {
            action = "Declare exactly one bean of that type, or remove the type from chapkit.tasks.injectable-types"
                    + " (or its @TaskInjectable annotation) so the parameter is bound from the task's params.";
        } else if (message.contains("-parameters")) {
            action = "Compile with -parameters (maven-compiler-plugin <parameters>true</parameters>; Spring Boot's"
                    + " parent pom does this).";
        } else {
            action = "Fix the @Task attribute named above (cron or fixedInterval, timeZone, missedRunPolicy, retry,"
                    + " timeout, cacheTtl, concurrencyLimit), see docs/tasks-and-schedules.md.";
        }
        return new FailureAnalysis("A task cannot be registered: " + message + ".", action, cause);
    }
}
