package org.chapkit.client.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The body of {@code $link-artifact} and {@code $unlink-artifact}.
 *
 * @param artifactId id of the root artifact to link or unlink
 */
public record ArtifactLink(@JsonProperty("artifact_id") String artifactId) {

    /** Requires the artifact id. */
    public ArtifactLink {
        Objects.requireNonNull(artifactId, "artifactId");
    }
}
