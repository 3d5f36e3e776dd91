package org.chapkit.job;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.chapkit.event.EventPublisher;
import org.chapkit.id.Ulids;
import org.chapkit.time.UtcTimestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The job system's Java API: submit work to any instance sharing the database, read job records, cancel and delete
 * them. Jobs are rows in {@code jobs}; their executions are db-scheduler one-time tasks in {@code scheduled_tasks}
 * (task {@value #JOB_TASK}, instance id = job id), so claiming, heartbeats and dead-execution detection are
 * db-scheduler's.
 *
 * <p>Its life: construct it (nothing runs, no handler is known yet), {@link #start(Collection, Collection)} it with
 * every handler and periodic work once they all exist (the starter does this from a {@code SmartLifecycle} after
 * every singleton of the application context is created), {@link #stop()} it (graceful: running jobs get the
 * shutdown grace period; it may start again, as a paused application context does) and finally {@link #close()} it.
 * Because handlers arrive at start, a handler may depend on the {@code JobManager} (to submit follow-up jobs)
 * without a dependency cycle. Reading, deleting and reconciling work at any time; submitting needs the handlers, so
 * it works from the first start on (while stopped, the jobs wait in the database for a running instance).
 */
public final class JobManager implements AutoCloseable {

    /** Name of the db-scheduler task that runs chapkit jobs. */
    public static final String JOB_TASK = "chapkit-job";

    /** Name of the db-scheduler recurring task that fails jobs left without a live execution. */
    public static final String RECONCILE_TASK = "chapkit-job-reconciliation";

    /** Name of the db-scheduler recurring task that deletes old job records. */
    public static final String RETENTION_TASK = "chapkit-job-retention";

    /**
     * The logging MDC key holding the id of the job whose attempt runs on a worker thread (with tracing on, the
     * tracing bridge adds {@code traceId} and {@code spanId} beside it).
     */
    public static final String MDC_JOB_ID = "jobId";

    private static final Logger log = LoggerFactory.getLogger(JobManager.class);

    private enum State {
        NEW,
        RUNNING,
        STOPPED,
        CLOSED
    }

    private final DataSource dataSource;
    private final List<SchedulerBuilderCustomizer> customizers;
    private final JobStore store;
    private final ObjectMapper mapper;
    private final StoredPayloads payloads;
    private final JobSettings settings;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final JobMetrics metrics;
    private final JobObservations observations;
    private final JobEvents events;
    private final JobWorker worker;
    private final CustomTask<String> jobTask;
    private final JobRunLogs runLogs;
    private final ScheduledExecutorService cancelWatcher;
    private final Object lifecycle = new Object();
    private volatile State state = State.NEW;
    private volatile Map<String, JobHandler<?>> handlers = Map.of();
    private volatile Scheduler scheduler;
    private volatile boolean runsJobs;
    private ScheduledFuture<?> cancelChecks;

    /**
     * Creates the job system of one instance; nothing runs until {@link #start(Collection, Collection)}.
     *
     * @param dataSource the database holding {@code jobs} and {@code scheduled_tasks}
     * @param transactionManager the transaction manager of that data source
     * @param mapper serializes payloads
     * @param settings concurrency, timing and retention
     * @param meterRegistry where job metrics go
     * @param clock time source of job timestamps
     */
    public JobManager(
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            ObjectMapper mapper,
            JobSettings settings,
            MeterRegistry meterRegistry,
            Clock clock) {
        this(dataSource, transactionManager, List.of(), mapper, settings, meterRegistry, clock);
    }

    /**
     * Creates the job system of one instance whose db-scheduler builder the customizers adjust; nothing runs until
     * {@link #start(Collection, Collection)}.
     *
     * @param dataSource the database holding {@code jobs} and {@code scheduled_tasks}
     * @param transactionManager the transaction manager of that data source
     * @param customizers applied in order to the scheduler builder after {@code settings}, at each start (a stopped
     *     db-scheduler does not start again, so each start builds a new one)
     * @param mapper serializes payloads
     * @param settings concurrency, timing and retention
     * @param meterRegistry where job metrics go
     * @param clock time source of job timestamps
     */
    public JobManager(
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            Collection<? extends SchedulerBuilderCustomizer> customizers,
            ObjectMapper mapper,
            JobSettings settings,
            MeterRegistry meterRegistry,
            Clock clock) {
        this(
                dataSource,
                transactionManager,
                customizers,
                mapper,
                settings,
                meterRegistry,
                clock,
                EventPublisher.NONE,
                Duration.ofSeconds(1));
    }

    /**
     * Creates the job system of one instance that publishes its events ({@code org.chapkit.job.*}) with each state
     * change; nothing runs until {@link #start(Collection, Collection)}.
     *
     * @param dataSource the database holding {@code jobs} and {@code scheduled_tasks}
     * @param transactionManager the transaction manager of that data source
     * @param customizers applied in order to the scheduler builder after {@code settings}, at each start
     * @param mapper serializes payloads
     * @param settings concurrency, timing and retention
     * @param meterRegistry where job metrics go
     * @param clock time source of job timestamps
     * @param events where job events go ({@link EventPublisher#NONE} for none)
     * @param progressEventInterval the least time between two progress events of one job
     */
    public JobManager(
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            Collection<? extends SchedulerBuilderCustomizer> customizers,
            ObjectMapper mapper,
            JobSettings settings,
            MeterRegistry meterRegistry,
            Clock clock,
            EventPublisher events,
            Duration progressEventInterval) {
        this(
                dataSource,
                transactionManager,
                customizers,
                mapper,
                settings,
                meterRegistry,
                clock,
                events,
                progressEventInterval,
                JobTracing.OFF);
    }

    /**
     * Creates the job system of one instance that publishes its events and reports submits and attempts as
     * observations (traces, with a tracing bridge; see {@link JobTracing}); nothing runs until
     * {@link #start(Collection, Collection)}.
     *
     * @param dataSource the database holding {@code jobs} and {@code scheduled_tasks}
     * @param transactionManager the transaction manager of that data source
     * @param customizers applied in order to the scheduler builder after {@code settings}, at each start
     * @param mapper serializes payloads
     * @param settings concurrency, timing and retention
     * @param meterRegistry where job metrics go
     * @param clock time source of job timestamps
     * @param events where job events go ({@link EventPublisher#NONE} for none)
     * @param progressEventInterval the least time between two progress events of one job
     * @param tracing where the submit and run observations go
     */
    public JobManager(
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            Collection<? extends SchedulerBuilderCustomizer> customizers,
            ObjectMapper mapper,
            JobSettings settings,
            MeterRegistry meterRegistry,
            Clock clock,
            EventPublisher events,
            Duration progressEventInterval,
            JobTracing tracing) {
        this.dataSource = dataSource;
        this.customizers = List.copyOf(customizers);
        this.store = new JobStore(dataSource, settings.tables());
        this.mapper = mapper;
        this.payloads = new StoredPayloads(mapper);
        this.settings = settings;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = new JobEvents(events, transactions, progressEventInterval);
        this.metrics = new JobMetrics(meterRegistry, () -> store.count(JobStatus.PENDING), this::runningCount);
        this.observations = new JobObservations(tracing);
        this.runLogs = new JobRunLogs(dataSource, settings.tables(), clock);
        this.worker = new JobWorker(
                store,
                name -> handlers.get(name),
                mapper,
                settings,
                metrics,
                clock,
                this.events,
                observations,
                runLogs);
        // A custom task rather than a one-time task: its completion handler writes the job's final status right
        // before db-scheduler removes the execution.
        this.jobTask = Tasks.custom(JOB_TASK, String.class)
                .onFailure(worker::failedExecution)
                .onDeadExecution((complete, operations) -> worker.deadExecution(
                        complete.getExecution().taskInstance.getId(), complete, operations))
                .execute((instance, context) -> worker.execute(instance.getId()));
        this.cancelWatcher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("chapkit-job-cancel-watcher")
                .daemon(true)
                .factory());
    }

    /**
     * Starts running jobs (this instance's and, by polling, those submitted on other instances) with these handlers
     * and periodic work, and the job system's own periodic work (retention, reconciliation).
     *
     * @param handlers every kind of work this instance can run; at most one per {@link JobType#name()}
     * @param recurring periodic work, each run on one instance at a time across the cluster
     * @throws IllegalStateException when two handlers share a type name, or this manager is running or closed
     */
    public void start(Collection<? extends JobHandler<?>> handlers, Collection<RecurringWork> recurring) {
        start(handlers, recurring, true);
    }

    /**
     * Starts this instance as a submitter only (a cluster member without the {@code worker} role): jobs may be
     * submitted, read, cancelled and deleted here, but none runs here, and neither does any periodic work; instances
     * that {@link #start(Collection, Collection) run jobs} pick them up by polling.
     *
     * @param handlers every kind of work that may be submitted here (their types check the submitted payloads)
     * @throws IllegalStateException when two handlers share a type name, or this manager is running or closed
     */
    public void startSubmitOnly(Collection<? extends JobHandler<?>> handlers) {
        start(handlers, List.of(), false);
    }

    private void start(
            Collection<? extends JobHandler<?>> handlers, Collection<RecurringWork> recurring, boolean runJobs) {
        synchronized (lifecycle) {
            if (state == State.RUNNING || state == State.CLOSED) {
                throw new IllegalStateException("The job system of instance " + settings.instanceName()
                        + (state == State.RUNNING ? " is already running" : " is closed"));
            }
            this.handlers = index(handlers);
            metrics.queues(this.handlers.keySet(), store::pendingByType, clock);
            // A db-scheduler Scheduler does not start again once stopped: each start builds its own. A submitter's
            // is never started: it only writes executions, which the running schedulers of other instances poll.
            Scheduler built = scheduler(runJobs ? recurring : List.of());
            worker.resume();
            if (runJobs) {
                built.start();
            }
            this.scheduler = built;
            this.runsJobs = runJobs;
            if (runJobs) {
                long period = Math.max(1, settings.cancelCheckInterval().toMillis());
                cancelChecks = cancelWatcher.scheduleWithFixedDelay(
                        this::checkCancellations, period, period, TimeUnit.MILLISECONDS);
            }
            state = State.RUNNING;
        }
    }

    /**
     * Stops running jobs on this instance (the graceful drain): db-scheduler stops claiming at once and no new attempt
     * starts here, running jobs get the shutdown grace period to finish, then are stopped (idempotent ones are handed
     * back, {@code pending} again for another instance, their cut attempt recorded; others are marked
     * {@code failed}); returns when db-scheduler has stopped. Jobs still {@code pending} stay in the database for
     * other instances (or the next start). Does nothing unless running; {@link #start(Collection, Collection)} may
     * follow.
     */
    public void stop() {
        synchronized (lifecycle) {
            if (state != State.RUNNING) {
                return;
            }
            if (runsJobs) {
                scheduler.pause(); // stop claiming at once: nothing new is picked while the running jobs drain
            }
            worker.shutdown(settings.shutdownGrace());
            scheduler.stop();
            if (cancelChecks != null) {
                cancelChecks.cancel(false);
                cancelChecks = null;
            }
            state = State.STOPPED;
        }
    }

    /** Whether the job system is started on this instance (running jobs, or only submitting them) and not closed. */
    public boolean isRunning() {
        return state == State.RUNNING;
    }

    /** Whether this instance runs jobs: started, and not as a {@link #startSubmitOnly submitter only}. */
    public boolean runsJobs() {
        return state == State.RUNNING && runsJobs;
    }

    private Scheduler scheduler(Collection<RecurringWork> recurring) {
        List<RecurringTask<?>> startTasks = new ArrayList<>();
        startTasks.add(Tasks.recurring(RETENTION_TASK, Schedules.fixedDelay(sweepInterval(settings.retention())))
                .execute((instance, context) ->
                        purgeFinishedBefore(clock.instant().minus(settings.retention()))));
        startTasks.add(Tasks.recurring(RECONCILE_TASK, Schedules.fixedDelay(settings.reconcileInterval()))
                .execute((instance, context) -> reconcile()));
        for (RecurringWork work : recurring) {
            startTasks.add(Tasks.recurring(work.name(), Schedules.fixedDelay(work.delay()))
                    .execute((instance, context) -> runRecurring(work)));
        }
        SchedulerBuilder builder = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), List.of(jobTask))
                .tableName(settings.tables().table("scheduled_tasks"))
                .startTasks(startTasks)
                .schedulerName(new SchedulerName.Fixed(settings.instanceName()))
                .threads(settings.maxConcurrency())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(settings.missedHeartbeatsLimit())
                .shutdownMaxWait(Duration.ofSeconds(5))
                .serializer(new Utf8Serializer())
                // The job task only throws to re-queue (no stack trace) or when the jobs table is unreachable.
                .failureLogging(LogLevel.INFO, true);
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /**
     * Submits a job without a pre-allocated artifact id; see {@link #submit(JobType, Object, String, Instant)}.
     *
     * @param type a job type whose handler is registered on this instance
     * @param payload the handler's input
     * @param <P> payload type
     * @return the new job record
     * @throws UnknownJobTypeException when no handler has that type
     */
    public <P> Job submit(JobType<P> type, P payload) {
        return submit(type, payload, null, null);
    }

    /**
     * Submits a job whose artifact id the caller pre-allocated; see {@link #submit(JobType, Object, String, Instant)}.
     *
     * @param type a job type whose handler is registered on this instance
     * @param payload the handler's input
     * @param reservedArtifactId the artifact id the caller pre-allocated and already told its client, or null
     * @param <P> payload type
     * @return the new job record
     * @throws UnknownJobTypeException when no handler has that type
     */
    public <P> Job submit(JobType<P> type, P payload, String reservedArtifactId) {
        return submit(type, payload, reservedArtifactId, null);
    }

    /**
     * Submits a job that may not start before {@code runAt} (for example a retry after a backoff); the record is
     * {@code pending} until then. The record and its db-scheduler execution are written in one transaction (joining
     * the caller's, if any); an idle worker of this instance starts it right after commit (or at {@code runAt}).
     *
     * @param type a job type whose handler is registered on this instance; its name is stored with the job
     * @param payload the handler's input; serialized to JSON and read back into {@link JobType#payloadType()}
     * @param reservedArtifactId the artifact id the caller pre-allocated and already told its client, or null
     * @param runAt earliest start, or null for now
     * @param <P> payload type
     * @return the new job record
     * @throws UnknownJobTypeException when no handler has that type name
     * @throws IllegalArgumentException when the handler of that name reads a different payload class
     * @throws IllegalStateException before the first {@link #start(Collection, Collection)}
     */
    public <P> Job submit(JobType<P> type, P payload, String reservedArtifactId, Instant runAt) {
        Scheduler scheduler = this.scheduler;
        if (scheduler == null) {
            throw new IllegalStateException("The job system of instance " + settings.instanceName()
                    + " has not started: submit once the application context is refreshed");
        }
        requireHandler(type);
        String name = type.name();
        String id = Ulids.newUlid();
        String json = mapper.writeValueAsString(payload);
        Instant now = clock.instant();
        Observation observation = observations.submit(id, name).start();
        try (Observation.Scope scope = observation.openScope()) {
            // A job that starts later (a task retry after its backoff) links to this trace instead of continuing it.
            boolean later = runAt != null && runAt.isAfter(now);
            insert(
                    scheduler,
                    id,
                    name,
                    json,
                    now,
                    reservedArtifactId,
                    runAt,
                    JobObservations.traceparent(observation),
                    later);
        } catch (RuntimeException | Error ex) {
            observation.error(ex);
            throw ex;
        } finally {
            observation.stop();
        }
        metrics.submitted(name);
        return new Job(
                id,
                name,
                JobStatus.PENDING,
                UtcTimestamps.truncate(now),
                null,
                null,
                null,
                null,
                reservedArtifactId,
                null,
                null,
                null,
                null,
                0);
    }

    private void insert(
            Scheduler scheduler,
            String id,
            String name,
            String json,
            Instant now,
            String reservedArtifactId,
            Instant runAt,
            String traceparent,
            boolean traceLinked) {
        Instant executionTime = runAt == null || runAt.isBefore(now) ? now : runAt;
        // Where the database allows, one statement writes the record and its db-scheduler execution.
        Runnable insertWithExecution = () -> store.insertWithExecution(
                id,
                name,
                json,
                now,
                reservedArtifactId,
                traceparent,
                traceLinked,
                JOB_TASK,
                id.getBytes(StandardCharsets.UTF_8),
                executionTime);
        if (store.singleStatementExecutions()
                && !events.enabled()
                && !TransactionSynchronizationManager.isActualTransactionActive()) {
            // One auto-committed statement writes the record and its execution: no transaction round trips.
            insertWithExecution.run();
            scheduler.triggerCheckForDueExecutions();
            return;
        }
        transactions.executeWithoutResult(status -> {
            if (store.singleStatementExecutions()) {
                insertWithExecution.run();
            } else {
                store.insert(id, name, json, now, reservedArtifactId, traceparent, traceLinked);
                // A batch of one is a plain insert: the id is new, so schedule()'s look-up for an existing
                // execution would be a wasted query.
                scheduler.scheduleBatch(List.of(jobTask.instance(id, id)), executionTime);
            }
            events.publish(new JobSubmitted(id, name, reservedArtifactId));
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        scheduler.triggerCheckForDueExecutions();
                    }
                });
            }
        });
    }

    private void requireHandler(JobType<?> type) {
        JobHandler<?> handler = handlers.get(type.name());
        if (handler == null) {
            throw new UnknownJobTypeException(type.name());
        }
        if (!handler.jobType().equals(type)) {
            throw new IllegalArgumentException("Job type '" + type.name() + "' is handled with payload "
                    + handler.jobType().payloadType().getName() + ", not "
                    + type.payloadType().getName());
        }
    }

    /** The job with {@code id}, if it exists (on any instance). */
    public Optional<Job> find(String id) {
        return Ulids.isValid(id) ? store.find(Ulids.requireValid(id)) : Optional.empty();
    }

    /**
     * The job with {@code id}.
     *
     * @throws JobNotFoundException when there is none (also for ids that are not ULIDs)
     */
    public Job get(String id) {
        return find(id).orElseThrow(JobNotFoundException::new);
    }

    /**
     * The run log of a job: the metrics, parameters and tags it logged through {@link JobContext#runLog()}.
     *
     * @param id the job's ULID
     * @return the log (empty of entries when the job logged nothing), or empty when there is no such job
     */
    public Optional<JobRunLog> runLog(String id) {
        return find(id).map(job -> runLogs.read(job.id()));
    }

    /**
     * The store of every job's run log, for readers that need the entries themselves (an exporter).
     *
     * @return the run logs
     */
    public JobRunLogs runLogs() {
        return runLogs;
    }

    /** All jobs, newest first, optionally only those with {@code status} (null for all). */
    public List<Job> list(JobStatus status) {
        return store.list(status);
    }

    /**
     * Cancels the job if it is running (wherever it runs: this instance stops it at once, another instance within
     * its cancel-check interval) and deletes its record, as chapkit's {@code DELETE /api/v1/jobs/{id}} does.
     *
     * @throws JobNotFoundException when there is no such job
     */
    public void delete(String id) {
        Job job = get(id);
        worker.cancelLocal(job.id());
        boolean deleted = job.status().isTerminal()
                ? store.delete(job.id())
                : events.change(() -> store.delete(job.id()), () -> new JobCancelled(job.id(), job.type()));
        if (!deleted) {
            throw new JobNotFoundException();
        }
    }

    /** Deletes finished records older than {@code cutoff}; returns how many. Runs periodically on one instance. */
    public int purgeFinishedBefore(Instant cutoff) {
        int purged = store.purgeFinishedBefore(cutoff);
        if (purged > 0) {
            log.debug("Deleted {} finished job records older than {}", purged, cutoff);
        }
        return purged;
    }

    /**
     * Fails every job that is {@code running} without a live execution (or {@code pending} without any execution), for
     * longer than the reconciliation interval; runs periodically on one instance. The job system's invariant: no job
     * stays {@code running} unless an instance that is alive runs it.
     *
     * @return how many jobs were failed
     */
    public int reconcile() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(settings.reconcileInterval());
        int failed = events.enabled()
                ? store.failOrphans(
                        JOB_TASK,
                        cutoff,
                        now,
                        orphan -> events.change(
                                () -> store.failOrphan(JOB_TASK, orphan, cutoff, now),
                                () -> new JobFailed(orphan.id(), orphan.type(), orphan.error())))
                : store.failOrphans(JOB_TASK, cutoff, now);
        if (failed > 0) {
            log.warn("Failed {} job(s) that no live instance was running", failed);
        }
        return failed;
    }

    /**
     * The attempts of a job that were cut short (its instance died or shut down), oldest first.
     *
     * @param id the job's ULID
     * @return the attempts (empty when none was cut), or empty when there is no such job
     */
    public Optional<List<JobAttempt>> attempts(String id) {
        return find(id).map(job -> store.attempts(job.id()));
    }

    /**
     * The jobs whose execution {@code instance} holds picked: running there, or about to start there.
     *
     * @param instance an instance name ({@link JobSettings#instanceName()}, db-scheduler's {@code picked_by})
     * @return their ids, earliest due first
     */
    public List<String> jobsPickedBy(String instance) {
        return store.pickedBy(JOB_TASK, instance);
    }

    /**
     * Takes the job {@code jobId} over from {@code instance}, which the cluster declared dead, in one transaction
     * (joining the caller's: the cluster leader runs it fenced by its epoch): the execution is locked while still
     * picked by {@code instance}, then an {@link JobHandler#idempotent(Object) idempotent} job (or one that had not
     * started) is re-queued — its execution handed back with a new version, its record {@code pending} with its
     * attempt count kept — and any other job is failed with an error naming the instance, its execution removed.
     * Either way the cut attempt is recorded ({@link #attempts(String)}). Because the execution changes version and is
     * no longer picked, neither the dead instance (should it wake up) nor db-scheduler's own dead-execution handling
     * can run or finish it again.
     *
     * @param instance the instance declared dead
     * @param jobId a job from {@link #jobsPickedBy(String)}
     * @param reason why the instance is dead, for the record (e.g. how many heartbeats it missed)
     * @return the job's status afterwards ({@code PENDING} or {@code FAILED}), or empty when {@code instance} no longer
     *     held the execution (it finished, or another recovery got there first)
     */
    public Optional<JobStatus> takeOverFrom(String instance, String jobId, String reason) {
        return transactions.execute(status -> {
            OptionalLong version = store.lockPicked(JOB_TASK, jobId, instance);
            if (version.isEmpty()) {
                return Optional.<JobStatus>empty();
            }
            Instant now = clock.instant();
            Optional<Job> job = store.find(jobId);
            if (job.isEmpty() || job.get().status().isTerminal()) {
                store.removeExecution(JOB_TASK, jobId, version.getAsLong());
                return job.map(Job::status);
            }
            Job found = job.get();
            JobHandler<?> handler = handlers.get(found.type());
            String cut = "instance " + instance + " was declared dead (" + reason + ") while running this job";
            if (found.status() == JobStatus.PENDING
                    || payloads.idempotent(handler, store.payload(jobId).orElse(null))) {
                store.releaseExecution(JOB_TASK, jobId, version.getAsLong(), now);
                if (store.requeue(jobId)) {
                    store.recordAttempt(
                            jobId,
                            new JobAttempt(
                                    found.attempts(), instance, found.startedAt(), now, JobAttempt.REQUEUED, cut));
                }
                log.info("Re-queued job {} ({}) taken over from dead instance {}", jobId, found.type(), instance);
                return Optional.of(JobStatus.PENDING);
            }
            store.removeExecution(JOB_TASK, jobId, version.getAsLong());
            String error = "JobAbandoned: " + cut;
            if (store.fail(jobId, error, null, now)) {
                store.recordAttempt(
                        jobId,
                        new JobAttempt(found.attempts(), instance, found.startedAt(), now, JobAttempt.FAILED, cut));
                if (events.enabled()) {
                    events.publish(new JobFailed(jobId, found.type(), error));
                }
                metrics.finished(found.type(), JobStatus.FAILED, Duration.ZERO);
            }
            log.warn("Failed job {} ({}) of dead instance {}: not idempotent", jobId, found.type(), instance);
            return Optional.of(JobStatus.FAILED);
        });
    }

    /**
     * Fences this instance, which the cluster declared dead while it was in fact alive (paused, or cut off from the
     * database): it stops claiming executions, and its running attempts are stopped without writing anything more
     * (the leader {@link #takeOverFrom(String, String, String) takes their jobs over}). {@link #unfence()} lets it
     * work again.
     */
    public void fence() {
        worker.fence(); // at once, even while a stop holds the life-cycle lock for its grace period
        synchronized (lifecycle) {
            Scheduler current = scheduler;
            if (state == State.RUNNING && runsJobs && current != null) {
                current.pause();
            }
        }
    }

    /** Whether this instance is {@link #fence() fenced}. */
    public boolean isFenced() {
        return worker.fenced();
    }

    /**
     * Whether this instance still holds work: an attempt running here, or an execution picked by it in the database.
     * A fenced instance rejoins once it holds none (the leader took everything over).
     */
    public boolean holdsWork() {
        return worker.runningCount() > 0
                || !store.pickedBy(JOB_TASK, settings.instanceName()).isEmpty();
    }

    /** Lets a {@link #fence() fenced} instance claim and run jobs again. */
    public void unfence() {
        synchronized (lifecycle) {
            worker.unfence();
            Scheduler current = scheduler;
            if (state == State.RUNNING && runsJobs && current != null) {
                current.resume();
            }
        }
    }

    /** Number of jobs running on this instance now. */
    public int runningCount() {
        return worker.runningCount();
    }

    /** The settings this instance runs with. */
    public JobSettings settings() {
        return settings;
    }

    /** The kinds of work this instance can run (one handler each). */
    public Set<JobType<?>> jobTypes() {
        Set<JobType<?>> types = new LinkedHashSet<>();
        handlers.values().forEach(handler -> types.add(handler.jobType()));
        return Collections.unmodifiableSet(types);
    }

    /** {@link #stop() Stops} this instance's share of the job system for good; calling it again does nothing. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            stop();
            state = State.CLOSED;
            cancelWatcher.shutdownNow();
        }
    }

    private void checkCancellations() {
        try {
            worker.cancelDeleted();
        } catch (RuntimeException ex) {
            // The watcher must survive a database hiccup; the next tick tries again.
            log.warn("Checking for cancelled jobs failed: {}", ex.toString());
        }
    }

    private static void runRecurring(RecurringWork work) {
        try {
            work.work().run();
        } catch (RuntimeException ex) {
            // The next run is scheduled anyway; one failing pass (a database hiccup) must not stop the work.
            log.warn("Periodic work {} failed: {}", work.name(), ex.toString(), ex);
        }
    }

    private static Duration sweepInterval(Duration retention) {
        Duration half = retention.dividedBy(2);
        Duration hour = Duration.ofHours(1);
        Duration second = Duration.ofSeconds(1);
        return half.compareTo(hour) > 0 ? hour : half.compareTo(second) < 0 ? second : half;
    }

    private static Map<String, JobHandler<?>> index(Collection<? extends JobHandler<?>> handlers) {
        Map<String, JobHandler<?>> byType = new LinkedHashMap<>();
        for (JobHandler<?> handler : handlers) {
            String name = handler.jobType().name();
            JobHandler<?> previous = byType.putIfAbsent(name, handler);
            if (previous != null) {
                throw new IllegalStateException("Two JobHandlers have type '" + name + "': "
                        + previous.getClass().getName() + " and "
                        + handler.getClass().getName());
            }
        }
        return Map.copyOf(byType);
    }

    /** Stores the job id as readable text in {@code task_data} instead of Java serialization. */
    private static final class Utf8Serializer implements Serializer {

        @Override
        public byte[] serialize(Object data) {
            return data == null ? null : data.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public <T> T deserialize(Class<T> type, byte[] data) {
            return data == null ? null : type.cast(new String(data, StandardCharsets.UTF_8));
        }
    }
}
