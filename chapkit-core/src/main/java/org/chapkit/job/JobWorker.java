package org.chapkit.job;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import io.micrometer.observation.Observation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs job attempts on this instance's db-scheduler threads, applies the recovery policy to executions whose
 * instance died, and stops attempts that were cancelled here or (by deleting the record) on another instance.
 */
final class JobWorker {

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);
    private static final Duration RETRY_AFTER_STORE_FAILURE = Duration.ofSeconds(10);

    private static final String MDC_JOB_ID = JobManager.MDC_JOB_ID;

    private final JobStore store;
    private final Function<String, JobHandler<?>> handlers;
    private final StoredPayloads payloads;
    private final JobSettings settings;
    private final JobMetrics metrics;
    private final Clock clock;
    private final JobObservations observations;
    private final JobEvents events;
    private final JobRunLogs runLogs;
    private final Map<String, RunningJob> running = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;
    private volatile boolean fenced;

    JobWorker(
            JobStore store,
            Function<String, JobHandler<?>> handlers,
            ObjectMapper mapper,
            JobSettings settings,
            JobMetrics metrics,
            Clock clock,
            JobEvents events,
            JobObservations observations,
            JobRunLogs runLogs) {
        this.runLogs = runLogs;
        this.observations = observations;
        this.store = store;
        this.events = events;
        this.handlers = handlers;
        this.payloads = new StoredPayloads(mapper);
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    int runningCount() {
        return running.size();
    }

    /**
     * Runs one attempt of {@code jobId}; called by db-scheduler on one of its worker threads. The returned handler
     * writes the job's final status and removes the execution in one transaction.
     */
    CompletionHandler<String> execute(String jobId) {
        if (fenced) {
            throw new JobFencedException(jobId); // declared dead: leave the execution to the leader's recovery
        }
        if (shuttingDown) {
            throw new JobRequeuedException(jobId); // picked while stopping: hand it back untouched
        }
        Instant started = clock.instant();
        Optional<JobStore.Claimed> claimed = events.inTransaction(() -> {
            Optional<JobStore.Claimed> claim = store.claim(jobId, settings.instanceName(), started);
            if (claim.isPresent() && events.enabled()) {
                events.publish(
                        new JobStarted(jobId, claim.get().type(), claim.get().attempts(), settings.instanceName()));
            }
            return claim;
        });
        if (claimed.isEmpty()) {
            return unclaimable(jobId, started);
        }
        Observation observation =
                observations.attempt(jobId, claimed.get(), started).start();
        MDC.put(MDC_JOB_ID, jobId);
        try (Observation.Scope scope = observation.openScope()) {
            return new ObservedCompletion(attempt(jobId, claimed.get(), started), observation);
        } catch (RuntimeException | Error ex) {
            if (!(ex instanceof JobRequeuedException) && !(ex instanceof JobDeferredException)) {
                observation.error(ex);
            }
            observation.stop();
            throw ex;
        } finally {
            MDC.remove(MDC_JOB_ID);
        }
    }

    /**
     * The completion of an attempt, run by db-scheduler on the worker thread after {@link #execute(String)} returned:
     * the final status update still belongs to the attempt's observation, which ends with it.
     */
    private record ObservedCompletion(CompletionHandler<String> delegate, Observation observation)
            implements CompletionHandler<String> {

        @Override
        public void complete(ExecutionComplete complete, ExecutionOperations<String> operations) {
            MDC.put(MDC_JOB_ID, complete.getExecution().taskInstance.getId());
            try (Observation.Scope scope = observation.openScope()) {
                delegate.complete(complete, operations);
            } catch (RuntimeException | Error ex) {
                observation.error(ex);
                throw ex;
            } finally {
                observation.stop();
                MDC.remove(MDC_JOB_ID);
            }
        }
    }

    private CompletionHandler<String> attempt(String jobId, JobStore.Claimed claimed, Instant started) {
        String type = claimed.type();
        JobHandler<?> handler = handlers.apply(type);
        if (handler == null) {
            String error = "UnknownJobTypeException: no JobHandler for job type '" + type + "' on instance "
                    + settings.instanceName();
            return finish(
                    type,
                    JobStatus.FAILED,
                    started,
                    execution -> store.fail(jobId, error, null, clock.instant(), execution),
                    () -> new JobFailed(jobId, type, error));
        }
        RunningJob context = new RunningJob(
                jobId,
                claimed.reservedArtifactId(),
                claimed.attempts(),
                Thread.currentThread(),
                store,
                events,
                clock,
                runLogs.forJob(jobId));
        running.put(jobId, context);
        try {
            String artifactId;
            try {
                artifactId = runHandler(handler, claimed.payload(), context);
            } finally {
                context.detach();
            }
            if (context.stopReason() == RunningJob.StopReason.FENCED) {
                throw new JobFencedException(jobId);
            }
            if (context.stopReason() == RunningJob.StopReason.CANCELLED) {
                return finish(
                        type,
                        JobStatus.CANCELED,
                        started,
                        execution -> store.cancel(jobId, clock.instant(), execution),
                        () -> new JobCancelled(jobId, type));
            }
            return finish(
                    type,
                    JobStatus.COMPLETED,
                    started,
                    execution -> store.complete(jobId, settings.instanceName(), artifactId, clock.instant(), execution),
                    () -> new JobCompleted(jobId, type, artifactId));
        } catch (Throwable ex) {
            // Errors too (OutOfMemoryError, StackOverflowError, LinkageError): whatever ends the handler ends the job,
            // or its record would stay running while db-scheduler re-queues and then drops the execution.
            return onFailure(jobId, type, handler, claimed.payload(), context, started, ex);
        } finally {
            context.detach(); // no cancel interrupt may leak into db-scheduler's bookkeeping
            running.remove(jobId);
        }
    }

    private <P> String runHandler(JobHandler<P> handler, String payload, RunningJob context) throws Exception {
        return handler.run(payloads.read(handler, payload), context);
    }

    /**
     * The execution of a job that cannot be claimed: deleted or already finished (just remove the execution), or still
     * {@code running}. This instance has picked the job's only execution, so no other attempt runs anywhere: an earlier
     * attempt ended without recording its result (for example its completion update failed), and the job fails.
     */
    private CompletionHandler<String> unclaimable(String jobId, Instant started) {
        Optional<Job> job = store.find(jobId);
        if (job.isEmpty() || job.get().status() != JobStatus.RUNNING) {
            return new CompletionHandler.OnCompleteRemove<>(); // deleted before it started, or already handled
        }
        log.warn("Job {} was still running without an attempt; marking it failed", jobId);
        String error =
                "JobAbandoned: the attempt on instance " + job.get().owner() + " ended without recording a result";
        return finish(
                job.get().type(),
                JobStatus.FAILED,
                started,
                execution -> store.fail(jobId, error, null, clock.instant(), execution),
                () -> new JobFailed(jobId, job.get().type(), error));
    }

    private CompletionHandler<String> onFailure(
            String jobId,
            String type,
            JobHandler<?> handler,
            String payload,
            RunningJob context,
            Instant started,
            Throwable ex) {
        if (ex instanceof Error) {
            log.error("Job {} of type {} ended with {}", jobId, type, ex.toString(), ex);
        }
        RunningJob.StopReason reason = context.stopReason();
        if (reason == RunningJob.StopReason.FENCED || ex instanceof JobFencedException) {
            // This instance was declared dead: the leader takes the job over; write nothing.
            throw ex instanceof JobFencedException fencedEx ? fencedEx : new JobFencedException(jobId);
        }
        if (reason == null && ex instanceof JobDeferredException deferred) {
            store.defer(jobId);
            throw deferred;
        }
        if (reason == RunningJob.StopReason.CANCELLED) {
            return finish(
                    type,
                    JobStatus.CANCELED,
                    started,
                    execution -> store.cancel(jobId, clock.instant(), execution),
                    () -> new JobCancelled(jobId, type));
        } else if (reason == RunningJob.StopReason.SHUTDOWN && payloads.idempotent(handler, payload)) {
            if (store.requeue(jobId)) {
                store.recordAttempt(
                        jobId,
                        new JobAttempt(
                                context.attempt(),
                                settings.instanceName(),
                                started,
                                clock.instant(),
                                JobAttempt.REQUEUED,
                                "instance " + settings.instanceName() + " shut down while the attempt was running"));
            }
            throw new JobRequeuedException(jobId);
        } else if (reason == RunningJob.StopReason.SHUTDOWN) {
            String error =
                    "JobInterrupted: instance " + settings.instanceName() + " shut down while the job was running";
            return finish(
                    type,
                    JobStatus.FAILED,
                    started,
                    execution -> store.fail(jobId, error, tracebackIfExposed(ex), clock.instant(), execution),
                    () -> new JobFailed(jobId, type, error));
        }
        String error = errorLine(ex);
        return finish(
                type,
                JobStatus.FAILED,
                started,
                execution -> store.fail(jobId, error, tracebackIfExposed(ex), clock.instant(), execution),
                () -> new JobFailed(jobId, type, error));
    }

    /**
     * The completion of an attempt, run by db-scheduler right after the handler returns: the final status update
     * (false when the record was deleted meanwhile: nothing left to update) and the removal of the execution, then
     * the meters. Where the database allows ({@link JobStore#singleStatementExecutions()}, PostgreSQL) the update and
     * the removal are one statement, so one round trip and atomic; elsewhere the update, then db-scheduler's removal:
     * if the update fails, the execution stays picked and dead-execution recovery handles the job; if the removal
     * fails or the instance dies between the two, the dead execution of a finished job is just removed. With events
     * on, the update and its event are one transaction.
     */
    private CompletionHandler<String> finish(
            String type,
            JobStatus status,
            Instant started,
            FinalUpdate update,
            java.util.function.Supplier<? extends org.chapkit.event.ChapkitEvent> event) {
        return (complete, operations) -> {
            if (fenced) {
                // Declared dead between the handler's return and this update: the leader decides the job's fate.
                throw new JobFencedException(
                        complete.getExecution().taskInstance.getId());
            }
            if (store.singleStatementExecutions()) {
                Execution execution = complete.getExecution();
                JobStore.ExecutionKey key = new JobStore.ExecutionKey(
                        execution.taskInstance.getTaskName(), execution.taskInstance.getId(), execution.version);
                events.change(() -> update.apply(key), event);
            } else {
                events.change(() -> update.apply(null), event);
                operations.stop();
            }
            metrics.finished(type, status, Duration.between(started, clock.instant()));
        };
    }

    /** A final status update that, given the attempt's execution, removes it in the same statement. */
    @FunctionalInterface
    private interface FinalUpdate {
        boolean apply(JobStore.ExecutionKey execution);
    }

    /** db-scheduler's dead-execution handler: the instance running {@code jobId} stopped sending heartbeats. */
    void deadExecution(String jobId, ExecutionComplete complete, ExecutionOperations<String> operations) {
        Optional<Job> job = store.find(jobId);
        if (job.isEmpty() || job.get().status().isTerminal()) {
            operations.stop();
            return;
        }
        JobHandler<?> handler = handlers.apply(job.get().type());
        if (job.get().status() == JobStatus.PENDING
                || payloads.idempotent(handler, store.payload(jobId).orElse(null))) {
            if (store.requeue(jobId)) {
                store.recordAttempt(
                        jobId,
                        new JobAttempt(
                                job.get().attempts(),
                                complete.getExecution().pickedBy,
                                job.get().startedAt(),
                                clock.instant(),
                                JobAttempt.REQUEUED,
                                "instance " + complete.getExecution().pickedBy
                                        + " stopped sending heartbeats while running this job"));
            }
            log.info("Re-queueing job {} whose instance {} died", jobId, complete.getExecution().pickedBy);
            operations.reschedule(complete, clock.instant());
            return;
        }
        Instant heartbeat = complete.getExecution().lastHeartbeat;
        String error = "JobAbandoned: instance " + complete.getExecution().pickedBy
                + " stopped sending heartbeats while running this job"
                + (heartbeat == null ? "" : " (last heartbeat " + heartbeat + ")");
        events.change(
                () -> store.fail(jobId, error, null, clock.instant()),
                () -> new JobFailed(jobId, job.get().type(), error));
        metrics.finished(job.get().type(), JobStatus.FAILED, Duration.ZERO);
        operations.stop();
    }

    /** db-scheduler's failure handler: re-run at once when re-queued, otherwise retry a store failure later. */
    void failedExecution(ExecutionComplete complete, ExecutionOperations<String> operations) {
        Throwable cause = complete.getCause().orElse(null);
        if (cause instanceof JobFencedException) {
            return; // left picked by this instance, which was declared dead: the leader's recovery takes it over
        }
        Instant next = cause instanceof JobRequeuedException
                ? clock.instant()
                : cause instanceof JobDeferredException deferred
                        ? clock.instant().plus(deferred.delay())
                        : clock.instant().plus(RETRY_AFTER_STORE_FAILURE);
        operations.reschedule(complete, next);
    }

    /** Stops the local attempt of {@code jobId}, if this instance runs it. */
    void cancelLocal(String jobId) {
        RunningJob job = running.get(jobId);
        if (job != null) {
            job.stop(RunningJob.StopReason.CANCELLED);
        }
    }

    /** Stops local attempts whose records were deleted (on any instance). */
    void cancelDeleted() {
        Set<String> ids = Set.copyOf(running.keySet());
        if (ids.isEmpty()) {
            return;
        }
        Set<String> alive = store.existing(ids);
        ids.stream().filter(id -> !alive.contains(id)).forEach(this::cancelLocal);
    }

    /**
     * Fences this instance (it was declared dead by the others): no attempt starts, and the running ones are stopped
     * without writing anything (no final status, no progress, no re-queue); the leader takes their jobs over.
     */
    void fence() {
        fenced = true;
        List.copyOf(running.values()).forEach(job -> job.stop(RunningJob.StopReason.FENCED));
    }

    /** Lets attempts start again after {@link #fence()}, once the leader has taken this instance's jobs over. */
    void unfence() {
        fenced = false;
    }

    boolean fenced() {
        return fenced;
    }

    /** Lets attempts start again after {@link #shutdown(Duration)}, when the job system starts again. */
    void resume() {
        shuttingDown = false;
    }

    /** Lets running attempts finish for the grace period, then interrupts the rest; no new attempt starts. */
    void shutdown(Duration grace) {
        shuttingDown = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List.copyOf(running.values()).forEach(job -> job.stop(RunningJob.StopReason.SHUTDOWN));
    }

    private String tracebackIfExposed(Throwable ex) {
        if (!settings.exposeTraceback()) {
            return null;
        }
        try {
            return traceback(ex);
        } catch (OutOfMemoryError ignored) {
            return null; // no room for the trace of an OutOfMemoryError: the error line is what matters
        }
    }

    static String errorLine(Throwable ex) {
        String message = ex.getMessage();
        String name = ex.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }

    static String traceback(Throwable ex) {
        StringWriter out = new StringWriter();
        ex.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /**
     * Ends an attempt of a fenced instance without touching its execution (left picked for the leader's takeover)
     * or its record.
     */
    static final class JobFencedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        JobFencedException(String jobId) {
            super("Job " + jobId + " left to the cluster leader: this instance was declared dead", null, false, false);
        }
    }

    /** Signals db-scheduler to put the execution back in the queue. */
    static final class JobRequeuedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        JobRequeuedException(String jobId) {
            super("Job " + jobId + " re-queued", null, false, false);
        }
    }
}
