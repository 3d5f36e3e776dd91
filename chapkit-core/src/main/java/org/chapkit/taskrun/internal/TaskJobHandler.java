package org.chapkit.taskrun.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.job.Job;
import org.chapkit.job.JobContext;
import org.chapkit.job.JobDeferredException;
import org.chapkit.job.JobHandler;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobType;
import org.chapkit.problem.ValidationFailedException;
import org.chapkit.task.BoundTaskParams;
import org.chapkit.task.RetryPolicy;
import org.chapkit.task.TaskDefinition;
import org.chapkit.task.TaskFailedException;
import org.chapkit.task.TaskInvocation;
import org.chapkit.task.TaskInvoker;
import org.chapkit.task.TaskManager;
import org.chapkit.taskrun.TaskAttemptFailedException;
import org.chapkit.taskrun.TaskJobPayload;
import org.chapkit.taskrun.TaskResult;
import org.chapkit.taskrun.TaskRun;
import org.chapkit.taskrun.TaskTimeoutException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Runs one task attempt as a job (type {@link #TYPE}, stored as {@code chapkit.task}): takes a cluster-wide concurrency slot (or defers the job),
 * binds the params again on this instance, invokes the task under its timeout and stores the outcome as a root
 * artifact {@code {"task_name","params","result","error"}} under the id reserved at submission. A failure the
 * retry policy retries ends this job as {@code failed} and submits the next attempt as a new job that may start
 * after the backoff; the final outcome (result, or the error of the last attempt) is stored and the job completes,
 * as in chapkit, where a task's exception is caught into the artifact.
 */
public class TaskJobHandler implements JobHandler<TaskJobPayload>, AutoCloseable {

    /** The job type of task attempts. */
    public static final JobType<TaskJobPayload> TYPE = JobType.of("chapkit.task", TaskJobPayload.class);

    private final TaskManager tasks;
    private final TaskInvoker invoker;
    private final TaskRunStore runs;
    private final ArtifactManager artifacts;
    private final JobManager jobs;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration slotWait;
    private final RandomGenerator random;
    private final boolean exposeTraceback;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chapkit-task-timeouts").daemon(true).factory());

    /**
     * A handler that keeps the stack trace of a failed task in its result artifact ({@code error.traceback}).
     *
     * @param tasks the task feature (registry, enabled state, binding)
     * @param invoker invokes task methods
     * @param runs attempt history, slots and cache
     * @param artifacts where outcomes are stored
     * @param jobs the job system, for submitting retries
     * @param transactions transactions of the database
     * @param clock time source
     * @param slotWait how long a job that found no free concurrency slot waits before it tries again
     * @param random source of retry jitter
     */
    public TaskJobHandler(
            TaskManager tasks,
            TaskInvoker invoker,
            TaskRunStore runs,
            ArtifactManager artifacts,
            JobManager jobs,
            TransactionTemplate transactions,
            Clock clock,
            Duration slotWait,
            RandomGenerator random) {
        this(tasks, invoker, runs, artifacts, jobs, transactions, clock, slotWait, random, true);
    }

    /**
     * @param tasks the task feature (registry, enabled state, binding)
     * @param invoker invokes task methods
     * @param runs attempt history, slots and cache
     * @param artifacts where outcomes are stored
     * @param jobs the job system, for submitting retries
     * @param transactions transactions of the database
     * @param clock time source
     * @param slotWait how long a job that found no free concurrency slot waits before it tries again
     * @param random source of retry jitter
     * @param exposeTraceback whether a failed task's result artifact keeps the stack trace in {@code
     *     error.traceback}; when false it is stored as null, so no read of the artifact (GET, tree, download,
     *     export) can show it ({@code chapkit.jobs.expose-traceback})
     */
    public TaskJobHandler(
            TaskManager tasks,
            TaskInvoker invoker,
            TaskRunStore runs,
            ArtifactManager artifacts,
            JobManager jobs,
            TransactionTemplate transactions,
            Clock clock,
            Duration slotWait,
            RandomGenerator random,
            boolean exposeTraceback) {
        this.tasks = tasks;
        this.invoker = invoker;
        this.runs = runs;
        this.artifacts = artifacts;
        this.jobs = jobs;
        this.transactions = transactions;
        this.clock = clock;
        this.slotWait = slotWait;
        this.random = random;
        this.exposeTraceback = exposeTraceback;
    }

    @Override
    public JobType<TaskJobPayload> jobType() {
        return TYPE;
    }

    /**
     * A run of a task declared {@code @Task(idempotent = true)} is re-queued when its instance shuts down or dies
     * while it runs; any other task's run fails. A task this instance does not know is not.
     */
    @Override
    public boolean idempotent(TaskJobPayload payload) {
        return payload != null
                && tasks.registry()
                        .find(payload.task())
                        .map(TaskDefinition::idempotent)
                        .orElse(false);
    }

    @Override
    public String run(TaskJobPayload payload, JobContext context) {
        String jobId = context.jobId();
        String artifactId = context.reservedArtifactId();
        if (payload.cachedArtifactId() != null) {
            runs.finish(jobId, "cached", payload.cachedArtifactId(), null, clock.instant());
            return payload.cachedArtifactId();
        }
        if (context.attempt() > 1) {
            Optional<String> stored = outcomeOfCutAttempt(jobId, payload);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        Optional<TaskDefinition> found = tasks.registry().find(payload.task());
        if (found.isEmpty()) {
            return finalFailure(
                    payload,
                    jobId,
                    artifactId,
                    new IllegalStateException(
                            "Task '" + payload.task() + "' has no code on this instance (removed or renamed)"));
        }
        TaskDefinition task = found.get();
        if (!tasks.isEnabled(task.name())) {
            return finalFailure(
                    payload,
                    jobId,
                    artifactId,
                    new IllegalStateException("Task '" + task.name() + "' was disabled before this attempt ran"));
        }
        boolean slot = Boolean.TRUE.equals(
                transactions.execute(status -> runs.acquireSlot(jobId, task.name(), task.concurrencyLimit(), clock)));
        if (!slot) {
            throw new JobDeferredException(
                    "All " + task.concurrencyLimit() + " slots of task '" + task.name() + "' are taken", slotWait);
        }
        BoundTaskParams bound;
        try {
            bound = tasks.bind(task.name(), payload.params());
        } catch (ValidationFailedException ex) {
            return finalFailure(payload, jobId, artifactId, ex); // the task's signature changed: never retried
        }
        TimeLimitedContext limited = new TimeLimitedContext(context, task.name(), task.timeout());
        Object result;
        try {
            limited.start(timers);
            try {
                result = invoker.invoke(
                        bound,
                        new TaskInvocation(
                                task.name(), jobId, artifactId, bound.params(), Map.of(JobContext.class, limited)));
            } finally {
                if (limited.end()) {
                    throw new TaskTimeoutException(task.name(), task.timeout());
                }
            }
        } catch (RuntimeException ex) {
            if (context.isCancelled()) {
                runs.finish(jobId, "interrupted", null, errorLine(ex), clock.instant());
                throw ex;
            }
            return failed(task, payload, jobId, artifactId, ex);
        }
        storeOutcome(payload, jobId, artifactId, artifacts.json().valueOrStub(result), null, "completed", null);
        return artifactId;
    }

    /**
     * What a re-queued run's cut attempt had already written before the job could end: its outcome (completed, or
     * failed for good), which the job now completes with; or its retry, submitted already, so this job fails as it
     * would have. Empty when the cut attempt wrote neither, and the task runs again.
     */
    private Optional<String> outcomeOfCutAttempt(String jobId, TaskJobPayload payload) {
        Optional<TaskRun> previous = runs.find(jobId);
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        TaskRun run = previous.get();
        if (run.artifactId() != null && ("completed".equals(run.status()) || "failed".equals(run.status()))) {
            return Optional.of(run.artifactId());
        }
        if ("retrying".equals(run.status())) {
            throw new TaskAttemptFailedException(
                    "Attempt " + payload.attempt() + " of task '" + payload.task() + "' failed (" + run.error()
                            + ") before its instance stopped; its next attempt was already submitted",
                    null);
        }
        return Optional.empty();
    }

    private String failed(
            TaskDefinition task, TaskJobPayload payload, String jobId, String artifactId, RuntimeException ex) {
        RetryPolicy policy = task.retry();
        if (!policy.shouldRetry(payload.attempt(), ex)) {
            return finalFailure(payload, jobId, artifactId, ex);
        }
        Instant now = clock.instant();
        Instant next = now.plus(policy.delayAfter(payload.attempt(), random));
        String firstJobId = payload.firstJobId() == null ? jobId : payload.firstJobId();
        TaskJobPayload retry =
                new TaskJobPayload(payload.task(), payload.params(), payload.attempt() + 1, firstJobId, null);
        Job nextJob = transactions.execute(status -> {
            Job submitted = jobs.submit(TYPE, retry, artifactId, next);
            TaskRun current = runs.find(jobId).orElseThrow();
            runs.insert(new TaskRun(
                    submitted.id(),
                    task.name(),
                    firstJobId,
                    retry.attempt(),
                    current.paramsHash(),
                    null,
                    current.scheduleId(),
                    current.tick(),
                    "pending",
                    now,
                    next,
                    null,
                    null,
                    null));
            runs.finish(jobId, "retrying", null, errorLine(cause(ex)), now);
            return submitted;
        });
        throw new TaskAttemptFailedException(
                "Attempt " + payload.attempt() + " of " + policy.maxAttempts() + " of task '" + task.name()
                        + "' failed (" + errorLine(cause(ex)) + "); attempt " + retry.attempt() + " runs as job "
                        + nextJob.id() + " at " + next,
                ex);
    }

    private String finalFailure(TaskJobPayload payload, String jobId, String artifactId, RuntimeException ex) {
        Throwable cause = cause(ex);
        TaskResult.Error error = new TaskResult.Error(
                cause.getClass().getSimpleName(), cause.getMessage(), exposeTraceback ? traceback(cause) : null);
        storeOutcome(payload, jobId, artifactId, null, error, "failed", errorLine(cause));
        return artifactId;
    }

    /**
     * Stores the run's outcome artifact, seals it and ends the run, in one transaction: a run cut between these writes
     * stored all of its outcome or none of it (see {@link #outcomeOfCutAttempt}).
     */
    private void storeOutcome(
            TaskJobPayload payload,
            String jobId,
            String artifactId,
            JsonNode result,
            TaskResult.Error error,
            String status,
            String errorLine) {
        transactions.executeWithoutResult(transaction -> {
            artifacts.create(
                    TaskResult.KIND,
                    artifactId,
                    null,
                    new TaskResult(payload.task(), payload.params(), result, error),
                    null);
            artifacts.seal(artifactId, jobId, null);
            runs.finish(jobId, status, artifactId, errorLine, clock.instant());
        });
    }

    private static Throwable cause(Throwable ex) {
        return ex instanceof TaskFailedException && ex.getCause() != null ? ex.getCause() : ex;
    }

    private static String errorLine(Throwable ex) {
        String message = ex.getMessage();
        String name = ex.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }

    private static String traceback(Throwable ex) {
        StringWriter out = new StringWriter();
        ex.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** Stops the timeout timer thread. */
    @Override
    public void close() {
        timers.shutdownNow();
    }
}
