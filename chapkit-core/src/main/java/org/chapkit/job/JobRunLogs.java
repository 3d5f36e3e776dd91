package org.chapkit.job;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.chapkit.db.ChapkitTables;
import org.chapkit.time.UtcTimestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The run logs of jobs (table {@code job_run_log}, one row per entry, deleted with the job record): the store behind
 * each running job's {@link RunLog} and behind {@link JobManager#runLog(String)}. Every entry is written at once in
 * its own statement (no buffer to lose in a crash), so a log can be read while its job runs.
 */
public final class JobRunLogs {

    private static final Logger log = LoggerFactory.getLogger(JobRunLogs.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    /**
     * Creates the store.
     *
     * @param dataSource the database holding {@code jobs} and {@code job_run_log}
     * @param tables the schema of chapkit's tables
     * @param clock the clock of each entry's time
     */
    public JobRunLogs(DataSource dataSource, ChapkitTables tables, Clock clock) {
        this.jdbc = tables.jdbc(JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource")));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The run log a running job writes to: each call checks its entry and appends it.
     *
     * @param jobId the job, already stored
     * @return the job's log
     */
    public RunLog forJob(String jobId) {
        return new JobLog(jobId);
    }

    /**
     * Appends one entry, joining the caller's transaction if any.
     *
     * @param jobId the job
     * @param entry the entry
     */
    public void append(String jobId, RunLogEntry entry) {
        jdbc.sql("INSERT INTO job_run_log (job_id, kind, name, num_value, text_value, step, logged_at)"
                        + " VALUES (:job, :kind, :name, :num, :text, :step, :at)")
                .param("job", jobId)
                .param("kind", entry.kind().name())
                .param("name", entry.name())
                .param("num", entry.kind() == RunLogEntry.Kind.METRIC ? entry.number() : null)
                .param("text", entry.text())
                .param("step", entry.step())
                .param("at", UtcTimestamps.column(entry.loggedAt()))
                .update();
    }

    /**
     * Every entry of a job's log, oldest first.
     *
     * @param jobId the job
     * @return the entries (empty for a job that logged nothing or does not exist)
     */
    public List<RunLogEntry> entries(String jobId) {
        return jdbc.sql("SELECT kind, name, num_value, text_value, step, logged_at FROM job_run_log"
                        + " WHERE job_id = :job ORDER BY id")
                .param("job", jobId)
                .query((rs, row) -> {
                    RunLogEntry.Kind kind = RunLogEntry.Kind.valueOf(rs.getString("kind"));
                    double number = kind == RunLogEntry.Kind.METRIC ? rs.getDouble("num_value") : Double.NaN;
                    return new RunLogEntry(
                            kind,
                            rs.getString("name"),
                            number,
                            rs.getString("text_value"),
                            rs.getLong("step"),
                            UtcTimestamps.read(rs, "logged_at"));
                })
                .list();
    }

    /**
     * A job's log, folded.
     *
     * @param jobId the job
     * @return the log (empty for a job that logged nothing)
     */
    public JobRunLog read(String jobId) {
        return JobRunLog.of(jobId, entries(jobId));
    }

    private int count(String jobId) {
        return jdbc.sql("SELECT COUNT(*) FROM job_run_log WHERE job_id = :job")
                .param("job", jobId)
                .query(Integer.class)
                .single();
    }

    /**
     * The log of one job: appends entries until the job's log is full. It counts the entries an earlier attempt left
     * when the first entry comes, so that a job that logs nothing costs no query.
     */
    private final class JobLog implements RunLog {

        private final String jobId;
        private final java.util.Map<String, Double> latest = new java.util.LinkedHashMap<>();
        private volatile AtomicInteger entries;

        JobLog(String jobId) {
            this.jobId = jobId;
        }

        @Override
        public void metric(String name, double value, long step) {
            add(RunLogEntry.metric(name, value, step, UtcTimestamps.now(clock)));
            synchronized (latest) {
                latest.put(name, value);
            }
        }

        @Override
        public java.util.Map<String, Double> latestMetrics() {
            synchronized (latest) {
                return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(latest));
            }
        }

        @Override
        public void param(String name, String value) {
            add(RunLogEntry.param(name, value, UtcTimestamps.now(clock)));
        }

        @Override
        public void tag(String name, String value) {
            add(RunLogEntry.tag(name, value, UtcTimestamps.now(clock)));
        }

        private void add(RunLogEntry entry) {
            int number = counter().incrementAndGet();
            if (number < MAX_ENTRIES) {
                append(jobId, entry);
            } else if (number == MAX_ENTRIES) {
                log.warn("The run log of job {} is full ({} entries); later entries are dropped", jobId, MAX_ENTRIES);
                append(jobId, RunLogEntry.tag(TRUNCATED_TAG, "true", entry.loggedAt()));
            }
        }

        private AtomicInteger counter() {
            AtomicInteger counter = entries;
            if (counter == null) {
                synchronized (this) {
                    counter = entries;
                    if (counter == null) {
                        counter = new AtomicInteger(count(jobId));
                        entries = counter;
                    }
                }
            }
            return counter;
        }
    }
}
