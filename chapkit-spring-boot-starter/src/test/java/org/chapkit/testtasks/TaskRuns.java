package org.chapkit.testtasks;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.job.Job;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobStatus;
import tools.jackson.databind.JsonNode;

/**
 * Waits for task jobs in tests.
 *
 * @param jobs the job system
 * @param artifacts where task outcomes are stored
 */
public record TaskRuns(JobManager jobs, ArtifactManager artifacts) {

    /** Waits until the job is terminal and returns it. */
    public Job awaitJob(String jobId) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(25))
                .until(
                        () -> jobs.find(jobId).orElse(null),
                        job -> job != null && job.status().isTerminal());
    }

    /** Waits until the job completed and returns the data of the artifact it produced. */
    public JsonNode awaitOutcome(String jobId) {
        Job job = awaitJob(jobId);
        if (job.status() != JobStatus.COMPLETED) {
            throw new AssertionError("Job " + jobId + " ended " + job.status() + ": " + job.error());
        }
        return artifacts.get(job.artifactId()).data();
    }
}
