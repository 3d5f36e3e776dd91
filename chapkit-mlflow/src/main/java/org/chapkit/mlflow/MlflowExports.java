package org.chapkit.mlflow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The state of the MLflow export, for the {@code mlflow} health contributor and the meter {@code
 * chapkit.mlflow.exports} (a counter tagged {@code outcome}): how many trainings were exported, skipped or failed for
 * good, the last export and the last error with how long exports have been failing.
 */
public final class MlflowExports {

    /** How one training's export ended. */
    public enum Outcome {
        /** The run was written (or completed) in MLflow. */
        EXPORTED,
        /** Nothing to send: the run was there already, or the job is gone or never started. */
        SKIPPED,
        /** MLflow rejected the export in a way a retry does not change (an invalid request); it was dropped. */
        FAILED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The last export.
     *
     * @param jobId the training's job
     * @param runId its MLflow run, or null when skipped
     * @param outcome how it ended
     * @param at when
     */
    public record Export(String jobId, String runId, Outcome outcome, Instant at) {}

    /**
     * The last failed attempt.
     *
     * @param jobId the training's job
     * @param message what went wrong
     * @param at when
     */
    public record Failure(String jobId, String message, Instant at) {}

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
    private final Clock clock;
    private volatile Export lastExport;
    private volatile Failure lastError;
    private volatile Instant failingSince;

    /**
     * Creates the state and registers its counters.
     *
     * @param meters where {@code chapkit.mlflow.exports} goes
     * @param clock the clock of the timestamps
     */
    public MlflowExports(MeterRegistry meters, Clock clock) {
        Objects.requireNonNull(meters, "meters");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (Outcome outcome : Outcome.values()) {
            counters.put(
                    outcome,
                    Counter.builder("chapkit.mlflow.exports")
                            .description("Trainings exported to MLflow, by outcome")
                            .tag("outcome", outcome.tag())
                            .register(meters));
        }
    }

    void ended(String jobId, String runId, Outcome outcome) {
        counters.get(outcome).increment();
        lastExport = new Export(jobId, runId, outcome, clock.instant());
        failingSince = null;
    }

    void attemptFailed(String jobId, String message) {
        Instant now = clock.instant();
        lastError = new Failure(jobId, message, now);
        if (failingSince == null) {
            failingSince = now;
        }
    }

    /**
     * How many exports ended with {@code outcome} since the service started.
     *
     * @param outcome the outcome
     * @return the count
     */
    public long count(Outcome outcome) {
        return (long) counters.get(outcome).count();
    }

    /**
     * The last export that ended.
     *
     * @return it, or null before the first
     */
    public Export lastExport() {
        return lastExport;
    }

    /**
     * The last attempt that failed (retried or dropped).
     *
     * @return it, or null if none failed
     */
    public Failure lastError() {
        return lastError;
    }

    /**
     * Since when attempts fail without an export ending in between.
     *
     * @return the first failure of the current run of failures, or null when the last attempt ended an export
     */
    public Instant failingSince() {
        return failingSince;
    }
}
