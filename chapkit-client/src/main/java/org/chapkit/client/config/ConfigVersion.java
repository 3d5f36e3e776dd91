package org.chapkit.client.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One kept version of a config ({@code GET …/configs/{id}/versions}), with {@code data} decoded to the caller's
 * config type.
 *
 * @param configId the config's id
 * @param version the version (the number behind the config's ETag)
 * @param createdAt when the config reached this version
 * @param name the name at this version
 * @param tags the tags at this version
 * @param data the config values at this version
 * @param <T> the config type
 */
public record ConfigVersion<T>(
        @JsonProperty("config_id") String configId,
        @JsonProperty("version") long version,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("name") String name,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("data") T data) {

    /** Normalises missing tags to an empty list. */
    public ConfigVersion {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
