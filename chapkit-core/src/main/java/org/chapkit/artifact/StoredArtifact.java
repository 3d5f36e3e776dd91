package org.chapkit.artifact;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An artifact as stored.
 *
 * @param id ULID
 * @param parentId the parent's id, null for a root
 * @param level depth in the tree: 0 for roots, the parent's level plus one otherwise
 * @param tags tags
 * @param data its JSON data (any JSON value)
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param version optimistic-locking version, starting at 1
 * @param content its binary content, or null when it has none
 */
public record StoredArtifact(
        String id,
        String parentId,
        int level,
        List<String> tags,
        JsonNode data,
        Instant createdAt,
        Instant updatedAt,
        long version,
        ContentInfo content) {

    public StoredArtifact {
        tags = List.copyOf(tags);
    }

    /** Whether it has binary content. */
    public boolean hasContent() {
        return content != null;
    }
}
