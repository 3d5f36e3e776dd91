package org.chapkit.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A config on the wire, as chapkit's {@code ConfigOut}.
 *
 * @param id ULID
 * @param createdAt creation time, UTC
 * @param updatedAt last change, UTC
 * @param tags tags
 * @param name display name
 * @param data the config values, every default filled in and unknown keys kept
 */
@Schema(name = "ConfigOut", description = "A stored config")
@JsonPropertyOrder({"id", "created_at", "updated_at", "tags", "name", "data"})
public record ConfigOut(
        String id,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        List<String> tags,
        String name,

        @Schema(type = "object", implementation = Object.class)
        JsonNode data) {

    /** The wire form of a stored config. */
    public static ConfigOut of(StoredConfig config) {
        return new ConfigOut(
                config.id(), config.createdAt(), config.updatedAt(), config.tags(), config.name(), config.data());
    }
}
