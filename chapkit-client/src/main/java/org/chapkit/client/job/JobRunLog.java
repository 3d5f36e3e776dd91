package org.chapkit.client.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job's run log ({@code GET /api/v1/jobs/{id}/$run-log}, Java services): the metrics, parameters and tags its runner
 * logged.
 *
 * @param jobId the job's id
 * @param metrics every metric point, oldest first
 * @param latestMetrics the last value of each metric, by name
 * @param params the parameters, by name
 * @param tags the tags, by name
 */
public record JobRunLog(
        @JsonProperty("job_id") String jobId,
        List<MetricPoint> metrics,
        @JsonProperty("latest_metrics") Map<String, Double> latestMetrics,
        Map<String, String> params,
        Map<String, String> tags) {

    /** Absent collections become empty. */
    public JobRunLog {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        latestMetrics = latestMetrics == null ? Map.of() : latestMetrics;
        params = params == null ? Map.of() : params;
        tags = tags == null ? Map.of() : tags;
    }

    /**
     * The history of one metric, oldest first.
     *
     * @param name the metric
     * @return its points
     */
    public List<MetricPoint> metric(String name) {
        return metrics.stream().filter(point -> point.name().equals(name)).toList();
    }

    /**
     * One logged value of a metric.
     *
     * @param name the metric's name
     * @param value the value
     * @param step the step
     * @param timestamp when it was logged
     */
    public record MetricPoint(String name, double value, long step, Instant timestamp) {}
}
