package org.chapkit.artifact;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code $link-artifact} and {@code $unlink-artifact}.
 *
 * @param artifactId the root artifact to link or unlink
 */
@Schema(name = "ArtifactLinkRequest")
public record ArtifactLinkRequest(
        @JsonProperty("artifact_id") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        String artifactId) {}
