package org.chapkit.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chapkit.event.ChapkitEvent;

/**
 * Event {@code org.chapkit.job.progressed}: a running job reported progress (at most one event per job per {@code chapkit.events.progress-interval}).
 *
 * @param jobId the job
 * @param progress the fraction done, 0 to 1
 * @param message the handler's message, or null
 */
public record JobProgressed(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("progress") double progress,
        @JsonProperty("message") String message)
        implements ChapkitEvent {

    /** The event type. */
    public static final String TYPE = "org.chapkit.job.progressed";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return "jobs/" + jobId;
    }
}
