package org.chapkit.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One state a config has had: its name, tags and data as of a version (the optimistic-locking {@code version}
 * behind its ETag). Every create and update keeps one; a training records the version it used.
 *
 * @param configId the config's ULID
 * @param version the version
 * @param name the name at that version
 * @param tags the tags at that version
 * @param data the data at that version
 * @param createdAt when the config reached that version
 */
@JsonPropertyOrder({"config_id", "version", "created_at", "name", "tags", "data"})
public record ConfigVersion(
        @JsonProperty("config_id") String configId,
        @JsonProperty("version") long version,
        @JsonProperty("name") String name,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("data") ObjectNode data,
        @JsonProperty("created_at") Instant createdAt) {

    /** Copies the tags. */
    public ConfigVersion {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
