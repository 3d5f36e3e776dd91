package org.chapkit.schedule.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chapkit.schedule.Schedule;
import org.chapkit.task.MissedRunPolicy;
import org.chapkit.task.TaskReferenceSource;
import org.chapkit.time.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code schedules} table. Instants are stored as {@code TIMESTAMP WITH TIME ZONE} truncated to milliseconds,
 * so a value read back compares equal in the tick claim's compare-and-set.
 */
public class ScheduleStore implements TaskReferenceSource {

    private static final String COLUMNS = "id, task, params, cron, interval_ms, run_at, time_zone, enabled,"
            + " missed_run_policy, missed_run_cap, next_run_at, last_run_at, last_job_id, declared_by, created_at,"
            + " updated_at";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public ScheduleStore(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** Inserts a schedule; {@code declaredBy} is the task name for a schedule declared in code, else null. */
    public void insert(Schedule schedule, String declaredBy) {
        jdbc.sql("INSERT INTO schedules (" + COLUMNS + ") VALUES (:id, :task, :params, :cron, :intervalMs, :runAt,"
                        + " :timeZone, :enabled, :policy, :cap, :nextRunAt, :lastRunAt, :lastJobId, :declaredBy,"
                        + " :createdAt, :updatedAt)")
                .param("id", schedule.id())
                .param("task", schedule.task())
                .param("params", mapper.writeValueAsString(schedule.params()))
                .param("cron", schedule.cron())
                .param("intervalMs", intervalMillis(schedule))
                .param("runAt", UtcTimestamps.column(schedule.runAt()))
                .param("timeZone", schedule.timeZone())
                .param("enabled", schedule.enabled())
                .param("policy", schedule.missedRunPolicy().wire())
                .param("cap", schedule.missedRunCap())
                .param("nextRunAt", UtcTimestamps.column(schedule.nextRunAt()))
                .param("lastRunAt", UtcTimestamps.column(schedule.lastRunAt()))
                .param("lastJobId", schedule.lastJobId())
                .param("declaredBy", declaredBy)
                .param("createdAt", UtcTimestamps.column(schedule.createdAt()))
                .param("updatedAt", UtcTimestamps.column(schedule.updatedAt()))
                .update();
    }

    /** Replaces the definition (not the run history) of a schedule. */
    public void updateDefinition(Schedule schedule) {
        jdbc.sql("UPDATE schedules SET task = :task, params = :params, cron = :cron, interval_ms = :intervalMs,"
                        + " run_at = :runAt, time_zone = :timeZone, enabled = :enabled, missed_run_policy = :policy,"
                        + " missed_run_cap = :cap, next_run_at = :nextRunAt, updated_at = :updatedAt WHERE id = :id")
                .param("id", schedule.id())
                .param("task", schedule.task())
                .param("params", mapper.writeValueAsString(schedule.params()))
                .param("cron", schedule.cron())
                .param("intervalMs", intervalMillis(schedule))
                .param("runAt", UtcTimestamps.column(schedule.runAt()))
                .param("timeZone", schedule.timeZone())
                .param("enabled", schedule.enabled())
                .param("policy", schedule.missedRunPolicy().wire())
                .param("cap", schedule.missedRunCap())
                .param("nextRunAt", UtcTimestamps.column(schedule.nextRunAt()))
                .param("updatedAt", UtcTimestamps.column(schedule.updatedAt()))
                .update();
    }

    /** The schedule with {@code id}. */
    public Optional<Schedule> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM schedules WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** The schedule declared in code by task {@code taskName}. */
    public Optional<Schedule> findDeclared(String taskName) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM schedules WHERE declared_by = :task")
                .param("task", taskName)
                .query(this::map)
                .optional();
    }

    /** All schedules declared in code. */
    public List<Schedule> listDeclared() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM schedules WHERE declared_by IS NOT NULL ORDER BY id")
                .query(this::map)
                .list();
    }

    /** All schedules (of one task when {@code task} is not null), oldest first. */
    public List<Schedule> list(String task) {
        if (task == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM schedules ORDER BY id")
                    .query(this::map)
                    .list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM schedules WHERE task = :task ORDER BY id")
                .param("task", task)
                .query(this::map)
                .list();
    }

    /** Enabled schedules whose next tick is at or before {@code now}, earliest first. */
    public List<Schedule> due(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM schedules WHERE enabled = TRUE AND next_run_at IS NOT NULL"
                        + " AND next_run_at <= :now ORDER BY next_run_at FETCH FIRST " + limit + " ROWS ONLY")
                .param("now", UtcTimestamps.column(now))
                .query(this::map)
                .list();
    }

    /** Deletes a schedule; returns whether it existed. */
    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM schedules WHERE id = :id").param("id", id).update() > 0;
    }

    /** Sets the enabled flag and the next tick. */
    public void setEnabled(String id, boolean enabled, Instant nextRunAt, Instant now) {
        jdbc.sql("UPDATE schedules SET enabled = :enabled, next_run_at = :next, updated_at = :now WHERE id = :id")
                .param("enabled", enabled)
                .param("next", UtcTimestamps.column(nextRunAt))
                .param("now", UtcTimestamps.column(now))
                .param("id", id)
                .update();
    }

    /**
     * Claims the tick {@code due} of a schedule by moving its next tick to {@code next}, only if no one else did:
     * a compare-and-set that exactly one of several instances wins. Run it in the transaction that submits the
     * tick's jobs.
     */
    public boolean claim(String id, Instant due, Instant next, Instant now) {
        return jdbc.sql("UPDATE schedules SET next_run_at = :next, updated_at = :now"
                                + " WHERE id = :id AND enabled = TRUE AND next_run_at = :due")
                        .param("next", UtcTimestamps.column(next))
                        .param("now", UtcTimestamps.column(now))
                        .param("id", id)
                        .param("due", UtcTimestamps.column(due))
                        .update()
                == 1;
    }

    /** Records the last submitted run. */
    public void recordRun(String id, Instant tick, String jobId, Instant now) {
        jdbc.sql("UPDATE schedules SET last_run_at = :tick, last_job_id = :jobId, updated_at = :now WHERE id = :id")
                .param("tick", UtcTimestamps.column(tick))
                .param("jobId", jobId)
                .param("now", UtcTimestamps.column(now))
                .param("id", id)
                .update();
    }

    @Override
    public String sourceName() {
        return "schedules";
    }

    @Override
    public Set<String> referencedTaskNames() {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT task FROM schedules")
                .query(String.class)
                .list());
    }

    @Override
    public int deleteReferences(String taskName) {
        return jdbc.sql("DELETE FROM schedules WHERE task = :task")
                .param("task", taskName)
                .update();
    }

    private Schedule map(ResultSet rs, int row) throws SQLException {
        long intervalMs = rs.getLong("interval_ms");
        boolean hasInterval = !rs.wasNull();
        return new Schedule(
                rs.getString("id"),
                rs.getString("task"),
                (ObjectNode) mapper.readTree(rs.getString("params")),
                rs.getString("cron"),
                hasInterval ? Duration.ofMillis(intervalMs).toString() : null,
                UtcTimestamps.read(rs, "run_at"),
                rs.getString("time_zone"),
                rs.getBoolean("enabled"),
                MissedRunPolicy.parse(rs.getString("missed_run_policy")),
                rs.getInt("missed_run_cap"),
                UtcTimestamps.read(rs, "next_run_at"),
                UtcTimestamps.read(rs, "last_run_at"),
                rs.getString("last_job_id"),
                rs.getString("declared_by") != null,
                UtcTimestamps.read(rs, "created_at"),
                UtcTimestamps.read(rs, "updated_at"));
    }

    private static Long intervalMillis(Schedule schedule) {
        return schedule.interval() == null
                ? null
                : Duration.parse(schedule.interval()).toMillis();
    }
}
