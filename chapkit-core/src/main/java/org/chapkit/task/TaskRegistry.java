package org.chapkit.task;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.chapkit.problem.NotFoundException;

/** The tasks of this application by name; the single source of truth for which task code exists. */
public class TaskRegistry {

    /** What a task name may contain. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final Map<String, TaskDefinition> tasks = new TreeMap<>();

    /**
     * Adds a task.
     *
     * @throws TaskRegistrationException when the name is invalid or already taken
     */
    public synchronized void register(TaskDefinition task) {
        if (!NAME.matcher(task.name()).matches()) {
            throw new TaskRegistrationException("Task name '" + task.name() + "' of " + where(task)
                    + " is invalid; a task name may contain only letters, digits, '_' and '-'");
        }
        TaskDefinition existing = tasks.putIfAbsent(task.name(), task);
        if (existing != null) {
            throw new TaskRegistrationException("Duplicate task name '" + task.name() + "': declared by "
                    + where(existing) + " and by " + where(task) + "; task names must be unique");
        }
    }

    /** The task named {@code name}, if registered. */
    public synchronized Optional<TaskDefinition> find(String name) {
        return Optional.ofNullable(tasks.get(name));
    }

    /**
     * The task named {@code name}.
     *
     * @throws NotFoundException when no such task is registered
     */
    public TaskDefinition require(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("Task '" + name + "' not found in registry"));
    }

    /** Whether a task named {@code name} is registered. */
    public synchronized boolean contains(String name) {
        return tasks.containsKey(name);
    }

    /** All tasks, sorted by name. */
    public synchronized List<TaskDefinition> all() {
        return List.copyOf(tasks.values());
    }

    /** All task names, sorted. */
    public synchronized Set<String> names() {
        return Set.copyOf(tasks.keySet());
    }

    private static String where(TaskDefinition task) {
        return task.method().getDeclaringClass().getName() + "." + task.method().getName() + "()";
    }
}
