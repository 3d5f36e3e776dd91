package org.chapkit.taskrun.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chapkit.task.TaskReferenceSource;
import org.chapkit.taskrun.TaskRun;
import org.chapkit.time.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQL access to {@code task_runs}: the attempt history, the cluster-wide concurrency slots and the result cache. Also
 * a {@link TaskReferenceSource}, so runs of removed tasks show up as orphans.
 */
public class TaskRunStore implements TaskReferenceSource {

    private static final String COLUMNS = "job_id, task_name, first_job_id, attempt, params_hash, artifact_id,"
            + " schedule_id, tick, status, submitted_at, scheduled_for, started_at, finished_at, error";

    private final JdbcClient jdbc;

    public TaskRunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a submitted attempt ({@code pending}, or {@code cached} with the cached artifact). */
    public void insert(TaskRun run) {
        jdbc.sql("INSERT INTO task_runs (" + COLUMNS + ") VALUES (:job, :task, :first, :attempt, :hash, :artifact,"
                        + " :schedule, :tick, :status, :submitted, :scheduled, NULL, NULL, NULL)")
                .param("job", run.jobId())
                .param("task", run.taskName())
                .param("first", run.firstJobId())
                .param("attempt", run.attempt())
                .param("hash", run.paramsHash())
                .param("artifact", run.artifactId())
                .param("schedule", run.scheduleId())
                .param("tick", UtcTimestamps.column(run.tick()))
                .param("status", run.status())
                .param("submitted", UtcTimestamps.column(run.submittedAt()))
                .param("scheduled", UtcTimestamps.column(run.scheduledFor()))
                .update();
    }

    /**
     * Takes a concurrency slot for the attempt of {@code jobId} and marks it running. Call inside a transaction:
     * with a limit, the task's {@code task_state} row is locked ({@code SELECT … FOR UPDATE}) while the running
     * attempts are counted, so two instances never both take the last slot. An attempt holds its slot while its
     * run is {@code running} and its job is {@code running}; a job that died or was deleted frees its slot.
     *
     * @param limit most running attempts of the task across the cluster, 0 for unlimited
     * @param clock read after the lock is held, so start times of slot holders never overlap
     * @return false when all slots are taken (nothing changed)
     */
    public boolean acquireSlot(String jobId, String taskName, int limit, java.time.Clock clock) {
        if (limit > 0) {
            jdbc.sql("SELECT name FROM task_state WHERE name = :name FOR UPDATE")
                    .param("name", taskName)
                    .query(String.class)
                    .list();
            long held = jdbc.sql("SELECT COUNT(*) FROM task_runs r JOIN jobs j ON j.id = r.job_id"
                            + " WHERE r.task_name = :name AND r.status = 'running' AND j.status = 'running'"
                            + " AND r.job_id <> :job")
                    .param("name", taskName)
                    .param("job", jobId)
                    .query(Long.class)
                    .single();
            if (held >= limit) {
                return false;
            }
        }
        jdbc.sql("UPDATE task_runs SET status = 'running', started_at = :now WHERE job_id = :job")
                .param("now", UtcTimestamps.column(clock.instant()))
                .param("job", jobId)
                .update();
        return true;
    }

    /** Ends the attempt of {@code jobId} with {@code status}, freeing its slot. */
    public void finish(String jobId, String status, String artifactId, String error, Instant now) {
        jdbc.sql("UPDATE task_runs SET status = :status, artifact_id = COALESCE(:artifact, artifact_id),"
                        + " error = :error, finished_at = :now WHERE job_id = :job")
                .param("status", status)
                .param("artifact", artifactId)
                .param("error", error)
                .param("now", UtcTimestamps.column(now))
                .param("job", jobId)
                .update();
    }

    /** The artifact of the newest completed run of {@code taskName} with these params finished at or after {@code since}. */
    public Optional<String> findCached(String taskName, String paramsHash, Instant since) {
        return jdbc
                .sql("SELECT artifact_id FROM task_runs WHERE task_name = :task AND params_hash = :hash"
                        + " AND status = 'completed' AND artifact_id IS NOT NULL AND finished_at >= :since"
                        + " ORDER BY finished_at DESC")
                .param("task", taskName)
                .param("hash", paramsHash)
                .param("since", UtcTimestamps.column(since))
                .query(String.class)
                .stream()
                .findFirst();
    }

    /** The attempt run by {@code jobId}. */
    public Optional<TaskRun> find(String jobId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task_runs WHERE job_id = :job")
                .param("job", jobId)
                .query(TaskRunStore::map)
                .optional();
    }

    /** Every attempt of the run whose first attempt was {@code firstJobId}, in attempt order. */
    public List<TaskRun> attempts(String firstJobId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task_runs WHERE first_job_id = :first ORDER BY attempt")
                .param("first", firstJobId)
                .query(TaskRunStore::map)
                .list();
    }

    /** Every run a schedule fired, in tick order. */
    public List<TaskRun> ofSchedule(String scheduleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task_runs WHERE schedule_id = :schedule"
                        + " ORDER BY tick, submitted_at, job_id")
                .param("schedule", scheduleId)
                .query(TaskRunStore::map)
                .list();
    }

    @Override
    public String sourceName() {
        return "task_runs";
    }

    @Override
    public Set<String> referencedTaskNames() {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT task_name FROM task_runs")
                .query(String.class)
                .list());
    }

    @Override
    public int deleteReferences(String taskName) {
        return jdbc.sql("DELETE FROM task_runs WHERE task_name = :task")
                .param("task", taskName)
                .update();
    }

    private static TaskRun map(ResultSet rs, int row) throws SQLException {
        return new TaskRun(
                rs.getString("job_id"),
                rs.getString("task_name"),
                rs.getString("first_job_id"),
                rs.getInt("attempt"),
                rs.getString("params_hash"),
                rs.getString("artifact_id"),
                rs.getString("schedule_id"),
                UtcTimestamps.read(rs, "tick"),
                rs.getString("status"),
                UtcTimestamps.read(rs, "submitted_at"),
                UtcTimestamps.read(rs, "scheduled_for"),
                UtcTimestamps.read(rs, "started_at"),
                UtcTimestamps.read(rs, "finished_at"),
                rs.getString("error"));
    }
}
