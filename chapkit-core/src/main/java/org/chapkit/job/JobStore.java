package org.chapkit.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;
import org.chapkit.db.ChapkitTables;
import org.chapkit.time.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** SQL access to the {@code jobs} table. Every state change is guarded by the expected current state. */
final class JobStore {

    private static final String COLUMNS = "id, type, status, submitted_at, started_at, finished_at, error,"
            + " error_traceback, reserved_artifact_id, artifact_id, progress, progress_message, owner, attempts";

    private static final String CLAIM_SET = "UPDATE jobs SET status = 'running', started_at = :now, owner = :owner,"
            + " attempts = attempts + 1, progress = NULL, progress_message = NULL"
            + " WHERE id = :id AND status = 'pending'";
    private static final String CLAIMED_COLUMNS =
            "type, payload, reserved_artifact_id, attempts, submitted_at, traceparent, trace_linked";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private volatile ClaimSql claimSql;

    JobStore(DataSource dataSource) {
        this(dataSource, ChapkitTables.DEFAULT);
    }

    JobStore(DataSource dataSource, ChapkitTables tables) {
        this.dataSource = dataSource;
        this.jdbc = tables.jdbc(JdbcClient.create(dataSource));
    }

    /**
     * What a worker needs from the record it has just claimed; {@code traceparent} is the submitter's W3C trace
     * context, or null, and {@code traceLinked} whether the attempt links to it instead of continuing it.
     */
    record Claimed(
            String type,
            String payload,
            String reservedArtifactId,
            int attempts,
            Instant submittedAt,
            String traceparent,
            boolean traceLinked) {}

    /** How this database moves a job to running and returns the claimed row in one statement, if it can. */
    private enum ClaimSql {
        RETURNING, // PostgreSQL: UPDATE ... RETURNING
        FINAL_TABLE, // H2: SELECT ... FROM FINAL TABLE (UPDATE ...)
        SEPARATE // anything else: read, then update
    }

    void insert(String id, String type, String payloadJson, Instant submittedAt, String reservedArtifactId) {
        insert(id, type, payloadJson, submittedAt, reservedArtifactId, null, false);
    }

    void insert(
            String id,
            String type,
            String payloadJson,
            Instant submittedAt,
            String reservedArtifactId,
            String traceparent,
            boolean traceLinked) {
        jdbc.sql("INSERT INTO jobs (id, type, status, payload, submitted_at, reserved_artifact_id, attempts,"
                        + " traceparent, trace_linked) VALUES (:id, :type, 'pending', :payload, :submitted, :reserved,"
                        + " 0, :traceparent, :linked)")
                .param("traceparent", traceparent)
                .param("linked", traceLinked)
                .param("id", id)
                .param("type", type)
                .param("payload", payloadJson)
                .param("submitted", UtcTimestamps.column(submittedAt))
                .param("reserved", reservedArtifactId)
                .update();
    }

    /**
     * The db-scheduler execution of a job attempt, as the statement that ends the attempt removes it: key and the
     * version db-scheduler picked it with.
     *
     * @param task the execution's task name
     * @param instance the execution's instance id (the job id)
     * @param version the version of the picked execution
     */
    record ExecutionKey(String task, String instance, long version) {}

    /**
     * Whether this database writes a record with its execution, and a final status with the execution's removal, in
     * one statement (PostgreSQL: data-modifying {@code WITH}); otherwise the callers use db-scheduler's own
     * statements beside the record's.
     */
    boolean singleStatementExecutions() {
        return claimSql() == ClaimSql.RETURNING;
    }

    /**
     * Inserts a pending record and its db-scheduler one-time execution in one statement: one round trip, atomic
     * without a transaction of its own. The execution row is what db-scheduler's own insert writes (version 1, not
     * picked, no priority); {@code taskData} is its serialized {@code task_data}. Only where
     * {@link #singleStatementExecutions()}.
     */
    void insertWithExecution(
            String id,
            String type,
            String payloadJson,
            Instant submittedAt,
            String reservedArtifactId,
            String traceparent,
            boolean traceLinked,
            String task,
            byte[] taskData,
            Instant executionTime) {
        jdbc.sql("WITH job AS (INSERT INTO jobs (id, type, status, payload, submitted_at, reserved_artifact_id,"
                        + " attempts, traceparent, trace_linked) VALUES (:id, :type, 'pending', :payload, :submitted,"
                        + " :reserved, 0, :traceparent, :linked) RETURNING id)"
                        + " INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,"
                        + " version) SELECT :task, id, :data, :execution, FALSE, 1 FROM job")
                .param("traceparent", traceparent)
                .param("linked", traceLinked)
                .param("id", id)
                .param("type", type)
                .param("payload", payloadJson)
                .param("submitted", UtcTimestamps.column(submittedAt))
                .param("reserved", reservedArtifactId)
                .param("task", task)
                .param("data", taskData)
                .param("execution", UtcTimestamps.column(executionTime))
                .update();
    }

    /**
     * The prefix that removes the attempt's execution in the same statement as a final status update, or an empty
     * string without an execution to remove.
     */
    private static String removing(ExecutionKey execution) {
        return execution == null
                ? ""
                : "WITH removed AS (DELETE FROM scheduled_tasks WHERE task_name = :task AND task_instance = :instance"
                        + " AND version = :version) ";
    }

    private static JdbcClient.StatementSpec removal(JdbcClient.StatementSpec statement, ExecutionKey execution) {
        return execution == null
                ? statement
                : statement
                        .param("task", execution.task())
                        .param("instance", execution.instance())
                        .param("version", execution.version());
    }

    Optional<Job> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE id = :id")
                .param("id", id)
                .query(JobStore::map)
                .optional();
    }

    /** The job's stored payload JSON. */
    Optional<String> payload(String id) {
        return jdbc.sql("SELECT payload FROM jobs WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    private record TraceColumns(String traceparent, boolean linked) {}

    private Optional<TraceColumns> trace(String id) {
        return jdbc.sql("SELECT traceparent, trace_linked FROM jobs WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> new TraceColumns(rs.getString("traceparent"), rs.getBoolean("trace_linked")))
                .optional();
    }

    List<Job> list(JobStatus status) {
        if (status == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM jobs ORDER BY submitted_at DESC, id DESC")
                    .query(JobStore::map)
                    .list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE " + unfinishedIf(status)
                        + "status = :status ORDER BY submitted_at DESC, id DESC")
                .param("status", status.wireName())
                .query(JobStore::map)
                .list();
    }

    /**
     * Moves a pending job to running for this instance and returns what the worker needs to run it, in one statement
     * where the database allows; empty when the job is gone or not pending any more (deleted, or already handled).
     */
    Optional<Claimed> claim(String id, String owner, Instant now) {
        return switch (claimSql()) {
            case RETURNING -> claimed(CLAIM_SET + " RETURNING " + CLAIMED_COLUMNS, id, owner, now);
            case FINAL_TABLE ->
                claimed("SELECT " + CLAIMED_COLUMNS + " FROM FINAL TABLE (" + CLAIM_SET + ")", id, owner, now);
            case SEPARATE -> claimSeparately(id, owner, now);
        };
    }

    private Optional<Claimed> claimed(String sql, String id, String owner, Instant now) {
        return jdbc.sql(sql)
                .param("now", UtcTimestamps.column(now))
                .param("owner", owner)
                .param("id", id)
                .query((rs, row) -> new Claimed(
                        rs.getString("type"),
                        rs.getString("payload"),
                        rs.getString("reserved_artifact_id"),
                        rs.getInt("attempts"),
                        UtcTimestamps.read(rs, "submitted_at"),
                        rs.getString("traceparent"),
                        rs.getBoolean("trace_linked")))
                .optional();
    }

    private Optional<Claimed> claimSeparately(String id, String owner, Instant now) {
        Optional<Job> job = find(id);
        if (job.isEmpty() || job.get().status() != JobStatus.PENDING || !claimPending(id, owner, now)) {
            return Optional.empty();
        }
        Optional<TraceColumns> trace = trace(id);
        return Optional.of(new Claimed(
                job.get().type(),
                payload(id).orElse(null),
                job.get().reservedArtifactId(),
                job.get().attempts() + 1,
                job.get().submittedAt(),
                trace.map(TraceColumns::traceparent).orElse(null),
                trace.map(TraceColumns::linked).orElse(false)));
    }

    private ClaimSql claimSql() {
        ClaimSql sql = claimSql;
        if (sql == null) {
            String product;
            try {
                product = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName());
            } catch (MetaDataAccessException ex) {
                product = "";
            }
            sql = switch (product == null ? "" : product) {
                case "PostgreSQL" -> ClaimSql.RETURNING;
                case "H2" -> ClaimSql.FINAL_TABLE;
                default -> ClaimSql.SEPARATE;
            };
            claimSql = sql;
        }
        return sql;
    }

    /** Moves a pending job to running for this instance; false when it is gone or not pending any more. */
    private boolean claimPending(String id, String owner, Instant now) {
        return jdbc.sql(CLAIM_SET)
                        .param("now", UtcTimestamps.column(now))
                        .param("owner", owner)
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean complete(String id, String owner, String artifactId, Instant now) {
        return complete(id, owner, artifactId, now, null);
    }

    /**
     * Completes a running job of {@code owner}; with an {@code execution}, removes it in the same statement (only
     * where {@link #singleStatementExecutions()}), whether or not the record was still there to update.
     */
    boolean complete(String id, String owner, String artifactId, Instant now, ExecutionKey execution) {
        return removal(
                                jdbc.sql(removing(execution)
                                        + "UPDATE jobs SET status = 'completed', finished_at = :now,"
                                        + " artifact_id = :artifact WHERE id = :id AND status = 'running'"
                                        + " AND owner = :owner"),
                                execution)
                        .param("now", UtcTimestamps.column(now))
                        .param("artifact", artifactId)
                        .param("id", id)
                        .param("owner", owner)
                        .update()
                == 1;
    }

    boolean fail(String id, String error, String traceback, Instant now) {
        return fail(id, error, traceback, now, null);
    }

    /** Fails a pending or running job; with an {@code execution}, removes it in the same statement. */
    boolean fail(String id, String error, String traceback, Instant now, ExecutionKey execution) {
        return removal(
                                jdbc.sql(removing(execution)
                                        + "UPDATE jobs SET status = 'failed', finished_at = :now, error = :error,"
                                        + " error_traceback = :traceback WHERE id = :id"
                                        + " AND status IN ('pending', 'running')"),
                                execution)
                        .param("now", UtcTimestamps.column(now))
                        .param("error", error)
                        .param("traceback", traceback)
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean cancel(String id, Instant now) {
        return cancel(id, now, null);
    }

    /** Cancels a pending or running job; with an {@code execution}, removes it in the same statement. */
    boolean cancel(String id, Instant now, ExecutionKey execution) {
        return removal(
                                jdbc.sql(removing(execution)
                                        + "UPDATE jobs SET status = 'canceled', finished_at = :now"
                                        + " WHERE id = :id AND status IN ('pending', 'running')"),
                                execution)
                        .param("now", UtcTimestamps.column(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Puts a running job back to pending so that it runs again (idempotent handlers only). */
    boolean requeue(String id) {
        return jdbc.sql("UPDATE jobs SET status = 'pending', started_at = NULL, owner = NULL"
                                + " WHERE id = :id AND status = 'running'")
                        .param("id", id)
                        .update()
                == 1;
    }

    /** The jobs whose execution of task {@code task} is picked by {@code instance}, earliest due first. */
    List<String> pickedBy(String task, String instance) {
        return jdbc.sql("SELECT task_instance FROM scheduled_tasks WHERE task_name = :task AND picked"
                        + " AND picked_by = :instance ORDER BY execution_time, task_instance")
                .param("task", task)
                .param("instance", instance)
                .query(String.class)
                .list();
    }

    /**
     * Locks, in the caller's transaction, the execution of {@code jobId} if {@code instance} still holds it picked,
     * and returns its version; empty when it does not (finished, handed back, or already taken over).
     */
    OptionalLong lockPicked(String task, String jobId, String instance) {
        return jdbc.sql("SELECT version FROM scheduled_tasks WHERE task_name = :task AND task_instance = :id"
                        + " AND picked AND picked_by = :instance FOR UPDATE")
                .param("task", task)
                .param("id", jobId)
                .param("instance", instance)
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    /**
     * Hands a picked execution back to the queue, due at {@code now}, with a new version: the instance that picked
     * it can neither heartbeat, reschedule nor remove it any more (db-scheduler and the final status update match
     * on the version), and no instance sees it as a dead execution (it is not picked).
     */
    boolean releaseExecution(String task, String jobId, long version, Instant now) {
        return jdbc.sql("UPDATE scheduled_tasks SET picked = FALSE, picked_by = NULL, last_heartbeat = NULL,"
                                + " execution_time = :now, version = version + 1 WHERE task_name = :task"
                                + " AND task_instance = :id AND version = :version")
                        .param("now", UtcTimestamps.column(now))
                        .param("task", task)
                        .param("id", jobId)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** Removes the execution of {@code jobId} if it still has {@code version}. */
    boolean removeExecution(String task, String jobId, long version) {
        return jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name = :task AND task_instance = :id"
                                + " AND version = :version")
                        .param("task", task)
                        .param("id", jobId)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** Records an attempt of {@code jobId} that was cut short. */
    void recordAttempt(String jobId, JobAttempt attempt) {
        jdbc.sql("INSERT INTO job_attempts (job_id, attempt, instance_id, started_at, ended_at, outcome, reason)"
                        + " VALUES (:job, :attempt, :instance, :started, :ended, :outcome, :reason)")
                .param("job", jobId)
                .param("attempt", attempt.attempt())
                .param("instance", attempt.instanceId())
                .param("started", attempt.startedAt() == null ? null : UtcTimestamps.column(attempt.startedAt()))
                .param("ended", UtcTimestamps.column(attempt.endedAt()))
                .param("outcome", attempt.outcome())
                .param(
                        "reason",
                        attempt.reason().length() > 2000 ? attempt.reason().substring(0, 2000) : attempt.reason())
                .update();
    }

    /** The cut attempts of {@code jobId}, oldest first. */
    List<JobAttempt> attempts(String jobId) {
        return jdbc.sql("SELECT attempt, instance_id, started_at, ended_at, outcome, reason FROM job_attempts"
                        + " WHERE job_id = :job ORDER BY id")
                .param("job", jobId)
                .query((rs, row) -> new JobAttempt(
                        rs.getInt("attempt"),
                        rs.getString("instance_id"),
                        rs.getObject("started_at") == null ? null : UtcTimestamps.read(rs, "started_at"),
                        UtcTimestamps.read(rs, "ended_at"),
                        rs.getString("outcome"),
                        rs.getString("reason")))
                .list();
    }

    /** Puts a running job back to pending without counting the attempt (its handler deferred it). */
    boolean defer(String id) {
        return jdbc.sql("UPDATE jobs SET status = 'pending', started_at = NULL, owner = NULL,"
                                + " attempts = attempts - 1, progress = NULL, progress_message = NULL"
                                + " WHERE id = :id AND status = 'running'")
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean progress(String id, double fraction, String message) {
        return jdbc.sql("UPDATE jobs SET progress = :progress, progress_message = :message"
                                + " WHERE id = :id AND status = 'running'")
                        .param("progress", fraction)
                        .param("message", message)
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean delete(String id) {
        return jdbc.sql("DELETE FROM jobs WHERE id = :id").param("id", id).update() == 1;
    }

    /** Those of {@code ids} that still have a record. */
    Set<String> existing(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT id FROM jobs WHERE id IN (:ids)")
                .param("ids", List.copyOf(ids))
                .query(String.class)
                .list());
    }

    /**
     * Fails the jobs that no live execution will ever finish: {@code running} ones whose db-scheduler execution is not
     * picked (or gone) and {@code pending} ones without an execution, started or submitted before {@code cutoff}.
     * Claims, requeues and completions always change the record while the execution is picked, so neither state
     * occurs in normal operation.
     *
     * @return how many jobs were failed
     */
    int failOrphans(String jobTask, Instant cutoff, Instant now) {
        return failOrphans(jobTask, cutoff, now, null);
    }

    /** What {@link #failOrphans(String, Instant, Instant)} failed: one job. */
    record Orphan(String id, String type, String error) {}

    /**
     * Like {@link #failOrphans(String, Instant, Instant)}, one job at a time, telling {@code failed} of each job it
     * failed (in the same statement's transaction, when the caller runs one per job).
     */
    int failOrphans(String jobTask, Instant cutoff, Instant now, java.util.function.Predicate<Orphan> failed) {
        if (failed != null) {
            return failOrphansOneByOne(jobTask, cutoff, now, failed);
        }
        int running = jdbc.sql("UPDATE jobs SET status = 'failed', finished_at = :now, error = :error"
                        + " WHERE finished_at IS NULL AND status = 'running' AND started_at < :cutoff AND NOT EXISTS"
                        + " (SELECT 1 FROM"
                        + " scheduled_tasks s WHERE s.task_name = :task AND s.task_instance = jobs.id AND s.picked)")
                .param("now", UtcTimestamps.column(now))
                .param("error", "JobAbandoned: no live instance was running this job any more")
                .param("cutoff", UtcTimestamps.column(cutoff))
                .param("task", jobTask)
                .update();
        int pending = jdbc.sql("UPDATE jobs SET status = 'failed', finished_at = :now, error = :error"
                        + " WHERE finished_at IS NULL AND status = 'pending' AND submitted_at < :cutoff AND NOT EXISTS"
                        + " (SELECT 1 FROM"
                        + " scheduled_tasks s WHERE s.task_name = :task AND s.task_instance = jobs.id)")
                .param("now", UtcTimestamps.column(now))
                .param("error", "JobAbandoned: the job's execution was lost before it started")
                .param("cutoff", UtcTimestamps.column(cutoff))
                .param("task", jobTask)
                .update();
        return running + pending;
    }

    private static final String RUNNING_ORPHAN = "finished_at IS NULL AND status = 'running' AND started_at < :cutoff"
            + " AND NOT EXISTS (SELECT 1 FROM scheduled_tasks s WHERE s.task_name = :task AND s.task_instance = jobs.id AND s.picked)";
    private static final String PENDING_ORPHAN = "finished_at IS NULL AND status = 'pending' AND submitted_at < :cutoff"
            + " AND NOT EXISTS (SELECT 1 FROM scheduled_tasks s WHERE s.task_name = :task AND s.task_instance = jobs.id)";

    private int failOrphansOneByOne(
            String jobTask, Instant cutoff, Instant now, java.util.function.Predicate<Orphan> failed) {
        int count = 0;
        for (String condition : List.of(RUNNING_ORPHAN, PENDING_ORPHAN)) {
            String error = condition == RUNNING_ORPHAN
                    ? "JobAbandoned: no live instance was running this job any more"
                    : "JobAbandoned: the job's execution was lost before it started";
            List<String[]> candidates = jdbc.sql("SELECT id, type FROM jobs WHERE " + condition)
                    .param("cutoff", UtcTimestamps.column(cutoff))
                    .param("task", jobTask)
                    .query((rs, row) -> new String[] {rs.getString("id"), rs.getString("type")})
                    .list();
            for (String[] candidate : candidates) {
                Orphan orphan = new Orphan(candidate[0], candidate[1], error);
                if (failed.test(orphan)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Fails one orphan found by {@link #failOrphans}, if it is still one; false when it is not any more. */
    boolean failOrphan(String jobTask, Orphan orphan, Instant cutoff, Instant now) {
        String condition = orphan.error().contains("no live instance") ? RUNNING_ORPHAN : PENDING_ORPHAN;
        return jdbc.sql("UPDATE jobs SET status = 'failed', finished_at = :now, error = :error WHERE id = :id AND "
                                + condition)
                        .param("now", UtcTimestamps.column(now))
                        .param("error", orphan.error())
                        .param("id", orphan.id())
                        .param("cutoff", UtcTimestamps.column(cutoff))
                        .param("task", jobTask)
                        .update()
                == 1;
    }

    long count(JobStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM jobs WHERE " + unfinishedIf(status) + "status = :status")
                .param("status", status.wireName())
                .query(Long.class)
                .single();
    }

    /**
     * The condition that lets a query for pending or running jobs use the index on {@code finished_at}: status is in
     * no index, so that a job's claim (pending to running) is an in-place (HOT) update on PostgreSQL, and an unfinished
     * job is one without {@code finished_at} (every end sets it, nothing else does). Empty for the final statuses.
     */
    private static String unfinishedIf(JobStatus status) {
        return status == JobStatus.PENDING || status == JobStatus.RUNNING ? "finished_at IS NULL AND " : "";
    }

    /** The pending jobs of one type: how many, and when the oldest was submitted. */
    record PendingType(long count, Instant oldestSubmittedAt) {}

    /** Pending jobs by type (all instances). */
    Map<String, PendingType> pendingByType() {
        Map<String, PendingType> byType = new java.util.HashMap<>();
        jdbc.sql("SELECT type, COUNT(*) AS n, MIN(submitted_at) AS oldest FROM jobs WHERE finished_at IS NULL"
                        + " AND status = 'pending' GROUP BY type")
                .query((rs, row) -> byType.put(
                        rs.getString("type"), new PendingType(rs.getLong("n"), UtcTimestamps.read(rs, "oldest"))))
                .list();
        return byType;
    }

    int purgeFinishedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM jobs WHERE finished_at < :cutoff"
                        + " AND status IN ('completed', 'failed', 'canceled')")
                .param("cutoff", UtcTimestamps.column(cutoff))
                .update();
    }

    private static Job map(ResultSet rs, int row) throws SQLException {
        double progress = rs.getDouble("progress");
        Double progressValue = rs.wasNull() ? null : progress;
        return new Job(
                rs.getString("id"),
                rs.getString("type"),
                JobStatus.fromWireName(rs.getString("status")).orElseThrow(),
                UtcTimestamps.read(rs, "submitted_at"),
                UtcTimestamps.read(rs, "started_at"),
                UtcTimestamps.read(rs, "finished_at"),
                rs.getString("error"),
                rs.getString("error_traceback"),
                rs.getString("reserved_artifact_id"),
                rs.getString("artifact_id"),
                progressValue,
                rs.getString("progress_message"),
                rs.getString("owner"),
                rs.getInt("attempts"));
    }
}
