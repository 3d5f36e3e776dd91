package org.chapkit.client.artifact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /api/v1/artifacts} and {@code PUT /api/v1/artifacts/{id}} ({@code ArtifactIn}). The
 * server computes {@code level} from the parent. {@code null} members are left out.
 *
 * @param id id to create or upsert under on POST, or {@code null} for a new one
 * @param data the artifact's data (any JSON value)
 * @param parentId parent artifact id, or {@code null} for a root
 * @param tags tags, or {@code null}
 * @param <D> the data type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArtifactRequest<D>(
        String id, D data, @JsonProperty("parent_id") String parentId, List<String> tags) {

    /** Requires data. */
    public ArtifactRequest {
        Objects.requireNonNull(data, "data");
        tags = tags == null ? null : List.copyOf(tags);
    }

    /**
     * A root artifact holding {@code data}.
     *
     * @param data the data
     * @param <D> the data type
     * @return the request
     */
    public static <D> ArtifactRequest<D> root(D data) {
        return new ArtifactRequest<>(null, data, null, null);
    }

    /**
     * A child artifact of {@code parentId} holding {@code data}.
     *
     * @param parentId parent artifact id
     * @param data the data
     * @param <D> the data type
     * @return the request
     */
    public static <D> ArtifactRequest<D> child(String parentId, D data) {
        return new ArtifactRequest<>(null, data, Objects.requireNonNull(parentId, "parentId"), null);
    }
}
