package org.chapkit.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chapkit.event.EventPublisher;
import org.chapkit.problem.ChapkitException;
import org.chapkit.problem.ConflictException;
import org.chapkit.problem.NotFoundException;
import org.chapkit.problem.ProblemType;
import org.chapkit.task.internal.TaskParameterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.JsonNode;

/**
 * The task feature's operations: listing and describing tasks, enabling and disabling them, binding and submitting
 * runs to the job system, and finding and deleting orphans. Used by the REST controller and by schedules.
 */
public class TaskManager {

    private final TaskRegistry registry;
    private final TaskStateStore states;
    private final TaskParameterBinder binder;
    private final TaskParameterSchemas schemas;
    private final List<TaskReferenceSource> referenceSources;
    private final ObjectProvider<TaskExecutionGateway> gateway;
    private final EventPublisher events;
    private final TransactionOperations transactions;

    public TaskManager(
            TaskRegistry registry,
            TaskStateStore states,
            TaskParameterBinder binder,
            TaskParameterSchemas schemas,
            List<TaskReferenceSource> referenceSources,
            ObjectProvider<TaskExecutionGateway> gateway) {
        this(registry, states, binder, schemas, referenceSources, gateway, EventPublisher.NONE, null);
    }

    /**
     * @param registry the tasks
     * @param states their enabled flags
     * @param binder binds params
     * @param schemas describes params
     * @param referenceSources what references tasks (schedules), for orphan checks
     * @param gateway submits runs to the job system
     * @param events where {@code org.chapkit.task.enabled}/{@code disabled} go
     * @param transactions runs a flag change and its event in one transaction (null: events off)
     */
    public TaskManager(
            TaskRegistry registry,
            TaskStateStore states,
            TaskParameterBinder binder,
            TaskParameterSchemas schemas,
            List<TaskReferenceSource> referenceSources,
            ObjectProvider<TaskExecutionGateway> gateway,
            EventPublisher events,
            TransactionOperations transactions) {
        this.events = events;
        this.transactions = transactions;
        this.registry = registry;
        this.states = states;
        this.binder = binder;
        this.schemas = schemas;
        this.referenceSources = List.copyOf(referenceSources);
        this.gateway = gateway;
    }

    /** The registry. */
    public TaskRegistry registry() {
        return registry;
    }

    /** All tasks, sorted by name. */
    public List<TaskInfo> list() {
        Map<String, Boolean> enabled = states.enabledByName();
        return registry.all().stream()
                .map(task -> info(task, enabled.getOrDefault(task.name(), true)))
                .toList();
    }

    /** One task; 404 when unknown. */
    public TaskInfo get(String name) {
        TaskDefinition task = registry.require(name);
        return info(task, states.isEnabled(name));
    }

    /** Enables or disables a task (persisted, cluster-wide); 404 when unknown. */
    public TaskInfo setEnabled(String name, boolean enabled) {
        TaskDefinition task = registry.require(name);
        if (transactions == null || events == EventPublisher.NONE) {
            states.setEnabled(name, enabled);
            return info(task, enabled);
        }
        transactions.executeWithoutResult(status -> {
            boolean before = states.isEnabled(name);
            states.setEnabled(name, enabled);
            if (before != enabled) {
                events.publish(enabled ? new TaskEnabled(name) : new TaskDisabled(name));
            }
        });
        return info(task, enabled);
    }

    /** Whether the task is enabled (true when never disabled). */
    public boolean isEnabled(String name) {
        return states.isEnabled(name);
    }

    /**
     * Binds and validates a call's params; 404 when the task is unknown, 400 naming each bad parameter. Nothing is
     * created.
     */
    public BoundTaskParams bind(String name, JsonNode params) {
        return binder.bind(registry.require(name), params);
    }

    /**
     * Validates and submits one run: 404 unknown task, 409 disabled, 400 bad params, 503 no job system. The params
     * are checked before any job exists.
     */
    public TaskExecutionAccepted execute(String name, JsonNode params, ExecutionOrigin origin) {
        TaskDefinition task = registry.require(name);
        if (!states.isEnabled(name)) {
            throw new TaskDisabledException(name);
        }
        BoundTaskParams bound = binder.bind(task, params);
        TaskExecutionGateway target = gateway.getIfAvailable();
        if (target == null) {
            throw new ChapkitException(
                    ProblemType.SERVICE_UNAVAILABLE, "No job system is configured to run task '" + name + "'");
        }
        TaskSubmission submission = target.submit(bound, origin);
        return new TaskExecutionAccepted(
                submission.jobId(),
                submission.artifactId(),
                "Task '" + name + "' submitted for execution. Job ID: " + submission.jobId());
    }

    /** Task names known to the database whose code no longer exists, sorted. */
    public List<OrphanedTask> orphans() {
        Map<String, List<String>> orphans = new TreeMap<>();
        for (TaskReferenceSource source : referenceSources) {
            for (String name : source.referencedTaskNames()) {
                if (!registry.contains(name)) {
                    orphans.computeIfAbsent(name, n -> new ArrayList<>()).add(source.sourceName());
                }
            }
        }
        return orphans.entrySet().stream()
                .map(e -> new OrphanedTask(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    /** Deletes every database reference to an orphaned task; 409 when the task has code, 404 when unknown. */
    public void deleteOrphan(String name) {
        if (registry.contains(name)) {
            throw new ConflictException("Task '" + name + "' exists in code; it is not orphaned");
        }
        int deleted = 0;
        for (TaskReferenceSource source : referenceSources) {
            deleted += source.deleteReferences(name);
        }
        if (deleted == 0) {
            throw new NotFoundException("No orphaned task named '" + name + "'");
        }
    }

    /** Records at start-up which tasks this application has code for. */
    public void recordRegisteredTasks() {
        states.markSeen(registry.names());
    }

    private TaskInfo info(TaskDefinition task, boolean enabled) {
        RetryPolicy retry = task.retry();
        DeclaredSchedule schedule = task.schedule();
        return new TaskInfo(
                task.name(),
                task.description(),
                task.description(),
                task.signature(),
                schemas.schemaOf(task),
                task.tags(),
                enabled,
                new TaskInfo.Retry(
                        retry.maxAttempts(),
                        retry.initialDelay().toString(),
                        retry.multiplier(),
                        retry.maxDelay().toString(),
                        retry.jitter(),
                        retry.nonRetryable().stream().map(Class::getName).toList()),
                task.concurrencyLimit() == 0 ? null : task.concurrencyLimit(),
                iso(task.timeout()),
                iso(task.cacheTtl()),
                schedule == null
                        ? null
                        : new TaskInfo.Schedule(
                                schedule.cron(),
                                iso(schedule.fixedInterval()),
                                schedule.timeZone(),
                                schedule.missedRunPolicy().wire(),
                                schedule.missedRunCap()),
                task.idempotent());
    }

    private static String iso(Duration duration) {
        return duration == null ? null : duration.toString();
    }
}
