package org.chapkit.artifact;

import java.util.Objects;

/**
 * An artifact read as one {@link ArtifactKind}: the stored artifact (id, tree position, content) and its data bound
 * to the kind's record.
 *
 * @param artifact the stored artifact
 * @param data its data as the kind's record
 * @param <D> the data record
 */
public record TypedArtifact<D>(StoredArtifact artifact, D data) {

    /** Checks the components. */
    public TypedArtifact {
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(data, "data");
    }

    /**
     * The artifact's id.
     *
     * @return its ULID
     */
    public String id() {
        return artifact.id();
    }
}
