package org.chapkit.job;

import java.time.Instant;

/**
 * Everything chapkit knows about one job, as the Java API returns it.
 *
 * @param id job ULID, allocated at submission
 * @param type the {@link JobHandler#type()} that runs it
 * @param status life-cycle state
 * @param submittedAt when it was submitted
 * @param startedAt when the current (last) attempt started, or null
 * @param finishedAt when it reached a terminal state, or null
 * @param error short error ({@code ExceptionType: message}) when failed
 * @param errorTraceback full stack trace when failed
 * @param reservedArtifactId the artifact id pre-allocated by the submitter, or null
 * @param artifactId the artifact id the handler returned, or null
 * @param progress last reported fraction done in [0, 1], or null
 * @param progressMessage last reported progress message, or null
 * @param owner name of the instance running (or last running) it, or null
 * @param attempts how many times a worker has started it
 */
public record Job(
        String id,
        String type,
        JobStatus status,
        Instant submittedAt,
        Instant startedAt,
        Instant finishedAt,
        String error,
        String errorTraceback,
        String reservedArtifactId,
        String artifactId,
        Double progress,
        String progressMessage,
        String owner,
        int attempts) {

    /** The REST view of {@code GET /api/v1/jobs/{id}}. */
    public JobRecord toRecord() {
        return new JobRecord(id, status, submittedAt, startedAt, finishedAt, error, errorTraceback);
    }

    /** The REST view of one {@code $stream} frame. */
    public JobStreamFrame toStreamFrame() {
        return new JobStreamFrame(
                id,
                status,
                submittedAt,
                startedAt,
                finishedAt,
                error,
                errorTraceback,
                artifactId,
                progress,
                progressMessage);
    }
}
