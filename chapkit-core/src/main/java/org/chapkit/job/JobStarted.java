package org.chapkit.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chapkit.event.ChapkitEvent;

/**
 * Event {@code org.chapkit.job.started}: an attempt of a job started on an instance.
 *
 * @param jobId the job
 * @param jobType the job's type name
 * @param attempt the attempt, from 1
 * @param instance the instance running it
 */
public record JobStarted(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("job_type") String jobType,
        @JsonProperty("attempt") int attempt,
        @JsonProperty("instance") String instance)
        implements ChapkitEvent {

    /** The event type. */
    public static final String TYPE = "org.chapkit.job.started";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return "jobs/" + jobId;
    }
}
