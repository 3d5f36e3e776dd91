package org.chapkit.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chapkit.event.ChapkitEvent;

/**
 * Event {@code org.chapkit.job.submitted}: a job was submitted; it is pending until a worker starts it.
 *
 * @param jobId the job
 * @param jobType the job's type name
 * @param reservedArtifactId the artifact id the job will write, when the caller pre-allocated one
 */
public record JobSubmitted(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("job_type") String jobType,
        @JsonProperty("reserved_artifact_id") String reservedArtifactId)
        implements ChapkitEvent {

    /** The event type. */
    public static final String TYPE = "org.chapkit.job.submitted";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return "jobs/" + jobId;
    }
}
