package org.chapkit.client.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A stored config ({@code ConfigOut}), with {@code data} decoded to the caller's config type.
 *
 * @param id ULID of the config
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param tags tags
 * @param name name (not unique)
 * @param data the config values, including {@code prediction_periods}
 * @param <T> the service's config type
 */
public record Config<T>(
        String id,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        List<String> tags,
        String name,
        T data) {

    /** Normalises missing tags to an empty list. */
    public Config {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
