package org.chapkit.ml.command;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chapkit.event.ChapkitEvent;

/**
 * An inbound message was refused and dead-lettered.
 *
 * @param channel where it came from, e.g. {@code kafka:chapkit-commands}
 * @param reason why
 */
public record CommandRejected(
        @JsonProperty("channel") String channel,
        @JsonProperty("reason") CommandRejection reason) implements ChapkitEvent {

    /** The event type. */
    public static final String TYPE = "org.chapkit.command.rejected";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return "commands/" + (reason.messageId() == null ? "unidentified" : reason.messageId());
    }
}
