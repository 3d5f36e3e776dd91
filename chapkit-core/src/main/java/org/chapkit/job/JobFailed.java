package org.chapkit.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chapkit.event.ChapkitEvent;

/**
 * Event {@code org.chapkit.job.failed}: a job failed: its handler threw, or the instance running it died or shut down.
 *
 * @param jobId the job
 * @param jobType the job's type name
 * @param error the error line, as on the job record
 */
public record JobFailed(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("job_type") String jobType,
        @JsonProperty("error") String error)
        implements ChapkitEvent {

    /** The event type. */
    public static final String TYPE = "org.chapkit.job.failed";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return "jobs/" + jobId;
    }
}
