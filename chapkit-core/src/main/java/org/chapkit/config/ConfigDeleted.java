package org.chapkit.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chapkit.event.ChapkitEvent;

/**
 * Event {@code org.chapkit.config.deleted}: a config was deleted.
 *
 * @param configId the config
 * @param configType its config type ({@code default} for {@code /api/v1/configs}, else the additional type's name)
 */
public record ConfigDeleted(
        @JsonProperty("config_id") String configId,
        @JsonProperty("config_type") String configType) implements ChapkitEvent {

    /** The event type. */
    public static final String TYPE = "org.chapkit.config.deleted";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return "configs/" + configId;
    }
}
