package org.chapkit.client.artifact;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An artifact with its place in the hierarchy, from {@code $tree} (children nested) and {@code $expand}
 * ({@code children} is {@code null}). {@code data.content} is stripped by the server.
 *
 * @param id ULID of the artifact
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param tags tags
 * @param data the artifact's data without {@code content}
 * @param parentId id of the parent artifact, or {@code null} for a root
 * @param level depth in the hierarchy
 * @param levelLabel the hierarchy's label for this level, or {@code level_<n>}
 * @param hierarchy the hierarchy's name
 * @param children child nodes ({@code $tree}), or {@code null} ({@code $expand})
 */
public record ArtifactTreeNode(
        String id,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        List<String> tags,
        JsonNode data,
        @JsonProperty("parent_id") String parentId,
        int level,
        @JsonProperty("level_label") String levelLabel,
        String hierarchy,
        List<ArtifactTreeNode> children) {

    /** Normalises missing tags; keeps {@code children} {@code null} when the server sent none. */
    public ArtifactTreeNode {
        tags = tags == null ? List.of() : List.copyOf(tags);
        children = children == null ? null : List.copyOf(children);
    }

    /**
     * Number of nodes in this subtree, this node included.
     *
     * @return the node count
     */
    public int size() {
        int size = 1;
        if (children != null) {
            for (ArtifactTreeNode child : children) {
                size += child.size();
            }
        }
        return size;
    }
}
