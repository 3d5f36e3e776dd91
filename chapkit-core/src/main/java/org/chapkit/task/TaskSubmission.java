package org.chapkit.task;

/**
 * The job created for a task run.
 *
 * @param jobId the job's ULID
 * @param artifactId the ULID pre-allocated for the artifact that will hold the result or the error
 */
public record TaskSubmission(String jobId, String artifactId) {}
