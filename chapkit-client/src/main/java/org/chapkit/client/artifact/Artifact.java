package org.chapkit.client.artifact;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A stored artifact ({@code ArtifactOut}). {@code data} is free-form JSON by default ({@code D = JsonNode}); read
 * it as a typed record with {@code ArtifactClient.get(id, type)}, for example as
 * {@link org.chapkit.client.ml.PredictionArtifactData}. In lists {@code data.content} is stripped by the server.
 *
 * @param id ULID of the artifact
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param tags tags
 * @param data the artifact's data
 * @param parentId id of the parent artifact, or {@code null} for a root
 * @param level depth in the hierarchy, 0 for roots
 * @param <D> the type {@code data} is read as
 */
public record Artifact<D>(
        String id,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        List<String> tags,
        D data,
        @JsonProperty("parent_id") String parentId,
        int level) {

    /** Normalises missing tags to an empty list. */
    public Artifact {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
