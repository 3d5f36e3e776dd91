package org.chapkit.job;

/**
 * What a running job logs about its own run while it runs: metrics (with a step, e.g. an epoch), parameters and tags,
 * in MLflow's sense. Each call is stored at once in the job's run log (table {@code job_run_log}), readable while the
 * job runs and after it ended through {@link JobManager#runLog(String)} and {@code GET /api/v1/jobs/{id}/$run-log}; it
 * is deleted with the job record. A training's last value of each metric also goes into its model version's lineage,
 * and the optional {@code chapkit-mlflow} module exports the whole log as an MLflow run.
 *
 * <p>Names follow MLflow's rules, so that a log exports unchanged: 1 to {@value #MAX_NAME_LENGTH} characters of
 * letters, digits, {@code _ - . /} and space. Metric values must be finite; parameter values are at most
 * {@value #MAX_PARAM_LENGTH} characters, tag values at most {@value #MAX_TAG_LENGTH}. A bad name or value throws
 * {@link IllegalArgumentException} (the caller's bug, found at the call). A parameter or tag logged again keeps the
 * last value. A job keeps at most {@value #MAX_ENTRIES} entries; later ones are dropped with one warning and the tag
 * {@value #TRUNCATED_TAG}.
 *
 * <p>Implementations are safe to call from several threads.
 */
public interface RunLog {

    /** Longest metric, parameter or tag name. */
    int MAX_NAME_LENGTH = 250;

    /** Longest parameter value. */
    int MAX_PARAM_LENGTH = 6000;

    /** Longest tag value. */
    int MAX_TAG_LENGTH = 5000;

    /** Most entries one job keeps. */
    int MAX_ENTRIES = 100_000;

    /** The tag set (to {@code true}) on a log that dropped entries beyond {@value #MAX_ENTRIES}. */
    String TRUNCATED_TAG = "chapkit.run_log.truncated";

    /** A log that keeps nothing: the run log of a context that has none (a backtest's splits, a test's context). */
    RunLog NONE = new RunLog() {
        @Override
        public void metric(String name, double value, long step) {
            RunLogEntry.metric(name, value, step, java.time.Instant.EPOCH);
        }

        @Override
        public void param(String name, String value) {
            RunLogEntry.param(name, value, java.time.Instant.EPOCH);
        }

        @Override
        public void tag(String name, String value) {
            RunLogEntry.tag(name, value, java.time.Instant.EPOCH);
        }

        @Override
        public java.util.Map<String, Double> latestMetrics() {
            return java.util.Map.of();
        }
    };

    /**
     * Logs a metric at step 0.
     *
     * @param name the metric's name
     * @param value a finite value
     * @throws IllegalArgumentException for a bad name or a value that is not finite
     */
    default void metric(String name, double value) {
        metric(name, value, 0);
    }

    /**
     * Logs a metric at a step (an epoch, an iteration): one point of the metric's history.
     *
     * @param name the metric's name
     * @param value a finite value
     * @param step the step, 0 or more
     * @throws IllegalArgumentException for a bad name, a value that is not finite or a negative step
     */
    void metric(String name, double value, long step);

    /**
     * Logs a parameter of the run (a hyper-parameter, a data set's name); logging it again replaces the value.
     *
     * @param name the parameter's name
     * @param value the value
     * @throws IllegalArgumentException for a bad name or a missing or too long value
     */
    void param(String name, String value);

    /**
     * Sets a tag on the run; setting it again replaces the value.
     *
     * @param name the tag's name
     * @param value the value
     * @throws IllegalArgumentException for a bad name or a missing or too long value
     */
    void tag(String name, String value);

    /**
     * The last value of each metric logged through this log (this attempt's), by name in the order the names first
     * appeared: what a training's model version records as its metrics. The values are kept in memory for the
     * attempt, so they stay the true last values even after the log is full ({@value #MAX_ENTRIES} entries) and
     * further entries are no longer stored: a model version's metrics never stop at the cap, while the stored
     * log (and an MLflow export of it) does and carries the {@value #TRUNCATED_TAG} tag.
     *
     * @return a snapshot of the latest values
     */
    java.util.Map<String, Double> latestMetrics();
}
