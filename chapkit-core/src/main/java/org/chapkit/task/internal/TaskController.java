package org.chapkit.task.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.chapkit.task.ExecuteTaskRequest;
import org.chapkit.task.ExecutionOrigin;
import org.chapkit.task.OrphanedTask;
import org.chapkit.task.TaskExecutionAccepted;
import org.chapkit.task.TaskInfo;
import org.chapkit.task.TaskManager;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tasks}: the registered tasks (chapkit's Nov-2025 registry design), their execution as jobs,
 * enabling and disabling, and orphans left in the database by deploys.
 */
@RestController
@RequestMapping(path = "/api/v1/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tasks")
public class TaskController {

    private final TaskManager tasks;

    public TaskController(TaskManager tasks) {
        this.tasks = tasks;
    }

    /** All tasks, sorted by name. */
    @GetMapping
    @Operation(summary = "List tasks")
    public List<TaskInfo> list() {
        return tasks.list();
    }

    /** Task names known to the database whose code no longer exists. */
    @GetMapping("/$orphaned")
    @Operation(summary = "List orphaned tasks")
    public List<OrphanedTask> orphaned() {
        return tasks.orphans();
    }

    /** Deletes the database rows (state, schedules) of an orphaned task. */
    @DeleteMapping("/$orphaned/{name}")
    @Operation(summary = "Delete an orphaned task")
    public ResponseEntity<Void> deleteOrphan(@PathVariable String name) {
        tasks.deleteOrphan(name);
        return ResponseEntity.noContent().build();
    }

    /** One task with its parameters as JSON Schema. */
    @GetMapping("/{name}")
    @Operation(summary = "Get a task")
    public TaskInfo get(@PathVariable String name) {
        return tasks.get(name);
    }

    /** Validates the params and submits a job running the task; answers at once with the job and artifact ids. */
    @PostMapping("/{name}/$execute")
    @Operation(summary = "Execute a task as a job")
    public ResponseEntity<TaskExecutionAccepted> execute(
            @PathVariable String name, @RequestBody(required = false) ExecuteTaskRequest request) {
        TaskExecutionAccepted accepted =
                tasks.execute(name, request == null ? null : request.params(), ExecutionOrigin.direct());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted);
    }

    /** Enables a task. */
    @PostMapping("/{name}/$enable")
    @Operation(summary = "Enable a task")
    public TaskInfo enable(@PathVariable String name) {
        return tasks.setEnabled(name, true);
    }

    /** Disables a task; its runs and schedules are refused until it is enabled again. */
    @PostMapping("/{name}/$disable")
    @Operation(summary = "Disable a task")
    public TaskInfo disable(@PathVariable String name) {
        return tasks.setEnabled(name, false);
    }
}
