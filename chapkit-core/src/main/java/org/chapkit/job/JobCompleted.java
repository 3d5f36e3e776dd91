package org.chapkit.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chapkit.event.ChapkitEvent;

/**
 * Event {@code org.chapkit.job.completed}: a job's handler returned normally.
 *
 * @param jobId the job
 * @param jobType the job's type name
 * @param artifactId the artifact it produced, or null
 */
public record JobCompleted(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("job_type") String jobType,
        @JsonProperty("artifact_id") String artifactId)
        implements ChapkitEvent {

    /** The event type. */
    public static final String TYPE = "org.chapkit.job.completed";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return "jobs/" + jobId;
    }
}
