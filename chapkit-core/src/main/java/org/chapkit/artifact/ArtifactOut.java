package org.chapkit.artifact;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An artifact on the wire, as chapkit's {@code ArtifactOut}. Binary content appears in {@code data.content} as a
 * {@code bytes} stub; fetch it with {@code $download}.
 *
 * @param id ULID
 * @param createdAt creation time, UTC
 * @param updatedAt last change, UTC
 * @param tags tags
 * @param data the JSON data
 * @param parentId parent id, null for a root
 * @param level depth in the tree
 */
@Schema(name = "ArtifactOut", description = "A stored artifact")
@JsonPropertyOrder({"id", "created_at", "updated_at", "tags", "data", "parent_id", "level"})
public record ArtifactOut(
        @Schema(description = "ULID") String id,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        List<String> tags,

        @Schema(description = "Any JSON value", implementation = Object.class)
        JsonNode data,

        @JsonProperty("parent_id") @Schema(nullable = true) String parentId,
        int level) {}
