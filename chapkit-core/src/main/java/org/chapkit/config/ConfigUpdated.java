package org.chapkit.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chapkit.event.ChapkitEvent;

/**
 * Event {@code org.chapkit.config.updated}: a config's name, tags or data changed.
 *
 * @param configId the config
 * @param configType its config type ({@code default} for {@code /api/v1/configs}, else the additional type's name)
 * @param name its name
 * @param version its new version
 */
public record ConfigUpdated(
        @JsonProperty("config_id") String configId,
        @JsonProperty("config_type") String configType,
        @JsonProperty("name") String name,
        @JsonProperty("version") long version)
        implements ChapkitEvent {

    /** The event type. */
    public static final String TYPE = "org.chapkit.config.updated";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return "configs/" + configId;
    }
}
