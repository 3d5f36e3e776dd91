package org.chapkit.ml.command;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chapkit.event.ChapkitEvent;

/**
 * An inbound command was accepted and its job submitted: the answer to the message, published in the transaction that
 * submitted the job. The job's own events follow on {@code jobs/<job_id>}.
 *
 * @param messageId the message's id
 * @param channel where it came from, e.g. {@code rabbitmq:chapkit-commands}
 * @param command {@code $train}, {@code $predict} or {@code $execute}
 * @param task the task, for {@code $execute}
 * @param jobId the submitted job
 * @param artifactId the artifact the job will write
 */
public record CommandAccepted(
        @JsonProperty("message_id") String messageId,
        @JsonProperty("channel") String channel,
        @JsonProperty("command") String command,
        @JsonProperty("task") String task,
        @JsonProperty("job_id") String jobId,
        @JsonProperty("artifact_id") String artifactId)
        implements ChapkitEvent {

    /** The event type. */
    public static final String TYPE = "org.chapkit.command.accepted";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return "commands/" + messageId;
    }
}
