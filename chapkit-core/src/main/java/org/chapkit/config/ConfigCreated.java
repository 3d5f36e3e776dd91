package org.chapkit.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chapkit.event.ChapkitEvent;

/**
 * Event {@code org.chapkit.config.created}: a config was created.
 *
 * @param configId the config
 * @param configType its config type ({@code default} for {@code /api/v1/configs}, else the additional type's name)
 * @param name its name
 * @param version its version (1)
 */
public record ConfigCreated(
        @JsonProperty("config_id") String configId,
        @JsonProperty("config_type") String configType,
        @JsonProperty("name") String name,
        @JsonProperty("version") long version)
        implements ChapkitEvent {

    /** The event type. */
    public static final String TYPE = "org.chapkit.config.created";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return "configs/" + configId;
    }
}
