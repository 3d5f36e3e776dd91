package org.chapkit.artifact;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An artifact with its place in the hierarchy, as chapkit's {@code ArtifactTreeNode}; {@code data.content} is
 * omitted.
 *
 * @param id ULID
 * @param createdAt creation time, UTC
 * @param updatedAt last change, UTC
 * @param tags tags
 * @param data the JSON data without {@code content}
 * @param parentId parent id, null for a root
 * @param level depth in the tree
 * @param levelLabel the hierarchy's label for the level
 * @param hierarchy the hierarchy's name
 * @param children child nodes for {@code $tree} ({@code []} on leaves); null for {@code $expand}
 */
@Schema(name = "ArtifactTreeNode", description = "An artifact with its hierarchy labels and children")
@JsonPropertyOrder({
    "id",
    "created_at",
    "updated_at",
    "tags",
    "data",
    "parent_id",
    "level",
    "level_label",
    "hierarchy",
    "children"
})
public record ArtifactTreeNode(
        String id,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        List<String> tags,

        @Schema(description = "Any JSON value", implementation = Object.class)
        JsonNode data,

        @JsonProperty("parent_id") String parentId,
        int level,
        @JsonProperty("level_label") String levelLabel,
        String hierarchy,
        List<ArtifactTreeNode> children) {}
