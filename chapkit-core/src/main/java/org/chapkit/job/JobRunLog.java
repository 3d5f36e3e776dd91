package org.chapkit.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A job's run log as {@code GET /api/v1/jobs/{id}/$run-log} serves it: every metric point in the order it was logged,
 * and the last value of each parameter and tag.
 *
 * @param jobId the job's id
 * @param metrics every metric point, oldest first
 * @param latestMetrics the last logged value of each metric, by name (in the order the names first appeared)
 * @param params the parameters, by name
 * @param tags the tags, by name
 */
public record JobRunLog(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("metrics") List<MetricPoint> metrics,
        @JsonProperty("latest_metrics") Map<String, Double> latestMetrics,
        @JsonProperty("params") Map<String, String> params,
        @JsonProperty("tags") Map<String, String> tags) {

    /** Copies the collections, keeping their order. */
    public JobRunLog {
        Objects.requireNonNull(jobId, "jobId");
        metrics = List.copyOf(metrics);
        latestMetrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(latestMetrics));
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /**
     * Folds entries, oldest first, into a log.
     *
     * @param jobId the job
     * @param entries the entries in the order they were logged
     * @return the log
     */
    public static JobRunLog of(String jobId, List<RunLogEntry> entries) {
        List<MetricPoint> points = new java.util.ArrayList<>();
        Map<String, Double> latest = new LinkedHashMap<>();
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>();
        for (RunLogEntry entry : entries) {
            switch (entry.kind()) {
                case METRIC -> {
                    points.add(new MetricPoint(entry.name(), entry.number(), entry.step(), entry.loggedAt()));
                    latest.put(entry.name(), entry.number());
                }
                case PARAM -> params.put(entry.name(), entry.text());
                case TAG -> tags.put(entry.name(), entry.text());
            }
        }
        return new JobRunLog(jobId, points, latest, params, tags);
    }

    /**
     * Whether nothing was logged.
     *
     * @return true for an empty log
     */
    public boolean isEmpty() {
        return metrics.isEmpty() && params.isEmpty() && tags.isEmpty();
    }

    /**
     * One logged value of a metric.
     *
     * @param name the metric's name
     * @param value the value
     * @param step the step it was logged at
     * @param timestamp when it was logged
     */
    public record MetricPoint(
            @JsonProperty("name") String name,
            @JsonProperty("value") double value,
            @JsonProperty("step") long step,

            @JsonProperty("timestamp") @JsonSerialize(using = JobTimestampSerializer.class)
            Instant timestamp) {}
}
