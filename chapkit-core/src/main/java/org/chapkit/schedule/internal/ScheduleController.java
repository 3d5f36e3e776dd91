package org.chapkit.schedule.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.chapkit.schedule.Schedule;
import org.chapkit.schedule.ScheduleManager;
import org.chapkit.schedule.SchedulePreview;
import org.chapkit.schedule.ScheduleRequest;
import org.chapkit.task.TaskExecutionAccepted;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v1/schedules}: schedules that run tasks by cron, interval or once. */
@RestController
@RequestMapping(path = "/api/v1/schedules", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Schedules")
public class ScheduleController {

    private final ScheduleManager schedules;

    public ScheduleController(ScheduleManager schedules) {
        this.schedules = schedules;
    }

    /** All schedules, optionally of one task. */
    @GetMapping
    @Operation(summary = "List schedules")
    public List<Schedule> list(@RequestParam(name = "task", required = false) String task) {
        return schedules.list(task);
    }

    /** Creates a schedule; 400 with field errors when invalid. */
    @PostMapping
    @Operation(summary = "Create a schedule")
    public ResponseEntity<Schedule> create(@RequestBody ScheduleRequest request) {
        Schedule created = schedules.create(request);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(created.id())
                .toUri();
        return ResponseEntity.created(location).body(created);
    }

    /**
     * The next fire times of a schedule as it would be created now, stored nowhere; 400 with field errors when the
     * request is invalid (the same checks as create).
     */
    @PostMapping(path = "/$preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Preview a schedule's next fire times",
            description = "Validates the body like create and answers the next `count` fire times (default 5).")
    public SchedulePreview preview(
            @RequestBody ScheduleRequest request, @RequestParam(name = "count", defaultValue = "5") int count) {
        return schedules.preview(request, count);
    }

    /** One schedule. */
    @GetMapping("/{id}")
    @Operation(summary = "Get a schedule")
    public Schedule get(@PathVariable String id) {
        return schedules.get(id);
    }

    /** Replaces a schedule's definition. */
    @PutMapping("/{id}")
    @Operation(summary = "Replace a schedule")
    public Schedule replace(@PathVariable String id, @RequestBody ScheduleRequest request) {
        return schedules.replace(id, request);
    }

    /** Deletes a schedule. */
    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a schedule")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        schedules.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** Enables a schedule; its next tick is counted from now. */
    @PostMapping("/{id}/$enable")
    @Operation(summary = "Enable a schedule")
    public Schedule enable(@PathVariable String id) {
        return schedules.setEnabled(id, true);
    }

    /** Disables a schedule. */
    @PostMapping("/{id}/$disable")
    @Operation(summary = "Disable a schedule")
    public Schedule disable(@PathVariable String id) {
        return schedules.setEnabled(id, false);
    }

    /** Runs the schedule's task now as a job, outside its ticks. */
    @PostMapping("/{id}/$trigger")
    @Operation(summary = "Run a schedule now")
    public ResponseEntity<TaskExecutionAccepted> trigger(@PathVariable String id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(schedules.trigger(id));
    }
}
