package org.chapkit.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chapkit.event.ChapkitEvent;

/**
 * Event {@code org.chapkit.job.cancelled}: a pending or running job was cancelled.
 *
 * @param jobId the job
 * @param jobType the job's type name
 */
public record JobCancelled(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("job_type") String jobType) implements ChapkitEvent {

    /** The event type. */
    public static final String TYPE = "org.chapkit.job.cancelled";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return "jobs/" + jobId;
    }
}
