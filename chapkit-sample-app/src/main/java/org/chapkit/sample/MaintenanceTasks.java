package org.chapkit.sample;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.artifact.StoredArtifact;
import org.chapkit.job.JobContext;
import org.chapkit.task.MissedRunPolicy;
import org.chapkit.task.Task;
import org.springframework.stereotype.Component;

/**
 * The sample service's tasks: housekeeping of stored artifacts, run on demand through {@code /api/v1/tasks} and,
 * for the clean-up, every night by a schedule declared here.
 */
@Component
public class MaintenanceTasks {

    /** Days an artifact tree is kept when the nightly run gives no {@code olderThanDays}. */
    static final int DEFAULT_RETENTION_DAYS = 90;

    /**
     * Deletes root artifacts (with their whole trees) created more than {@code olderThanDays} ago. Runs every night
     * at 03:30 UTC; after downtime it runs once for the missed nights. One run at a time across the cluster.
     */
    @Task(
            name = "cleanup-old-artifacts",
            description = "Deletes artifact trees whose root is older than the given number of days (default 90)",
            tags = {"maintenance"},
            retry = @Task.Retry(maxAttempts = 3, initialDelay = "30s", multiplier = 2, maxDelay = "10m"),
            concurrencyLimit = 1,
            timeout = "30m",
            cron = "30 3 * * *",
            missedRunPolicy = MissedRunPolicy.RUN_ONCE)
    public Map<String, Object> cleanupOldArtifacts(
            @Min(1) Integer olderThanDays, Boolean dryRun, ArtifactManager artifacts, JobContext context) {
        int days = olderThanDays == null ? DEFAULT_RETENTION_DAYS : olderThanDays;
        boolean dry = Boolean.TRUE.equals(dryRun);
        Instant cutoff = Instant.now().minus(Duration.ofDays(days));
        List<StoredArtifact> old = artifacts.findAll().stream()
                .filter(a -> a.parentId() == null && a.createdAt().isBefore(cutoff))
                .toList();
        int done = 0;
        for (StoredArtifact root : old) {
            context.throwIfCancelled();
            if (!dry) {
                artifacts.deleteSubtree(root.id());
            }
            done++;
            context.reportProgress((double) done / old.size(), "deleted " + done + " of " + old.size());
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("cutoff", cutoff.toString());
        report.put("dry_run", dry);
        report.put("deleted_roots", dry ? 0 : old.size());
        report.put("matching_roots", old.size());
        return report;
    }

    /**
     * Recomputes a summary of what is stored: artifacts per tree level, and per task the runs whose result or
     * error is kept. The result is cached for five minutes, so dashboards can call it freely.
     */
    @Task(
            name = "summarize-artifacts",
            description = "Counts stored artifacts per level and task runs per task and outcome",
            tags = {"reporting"},
            cacheTtl = "5m")
    public Map<String, Object> summarizeArtifacts(ArtifactManager artifacts) {
        Map<String, Integer> perLevel = new TreeMap<>();
        Map<String, Map<String, Integer>> perTask = new TreeMap<>();
        for (StoredArtifact artifact : artifacts.findAll()) {
            perLevel.merge(artifacts.hierarchy().label(artifact.level()), 1, Integer::sum);
            var data = artifact.data();
            if (artifact.parentId() == null && data != null && data.has("task_name") && data.has("error")) {
                String outcome = data.get("error").isNull() ? "succeeded" : "failed";
                perTask.computeIfAbsent(data.get("task_name").asString(), t -> new TreeMap<>())
                        .merge(outcome, 1, Integer::sum);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("artifacts_per_level", perLevel);
        summary.put("task_runs", perTask);
        return summary;
    }
}
