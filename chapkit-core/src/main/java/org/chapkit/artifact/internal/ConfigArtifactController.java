package org.chapkit.artifact.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.chapkit.artifact.ArtifactLinkRequest;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.artifact.ArtifactOut;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ValidationFailedException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Config–artifact links: {@code /api/v1/configs/{id}/$link-artifact}, {@code $unlink-artifact}, {@code $artifacts}. */
@RestController
@RequestMapping(path = "/api/v1/configs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Config")
public class ConfigArtifactController {

    private final ArtifactManager artifacts;

    public ConfigArtifactController(ArtifactManager artifacts) {
        this.artifacts = artifacts;
    }

    /** Links a root artifact (a trained model's tree) to the config. */
    @PostMapping(path = "/{id}/$link-artifact", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Link a root artifact to the config")
    @ApiResponse(responseCode = "204", description = "Linked")
    public ResponseEntity<Void> link(@PathVariable String id, @RequestBody ArtifactLinkRequest request) {
        artifacts.link(id, requireArtifactId(request));
        return ResponseEntity.noContent().build();
    }

    /** Removes the link between the config and an artifact. */
    @PostMapping(path = "/{id}/$unlink-artifact", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Unlink an artifact from the config")
    @ApiResponse(responseCode = "204", description = "Unlinked")
    public ResponseEntity<Void> unlink(@PathVariable String id, @RequestBody ArtifactLinkRequest request) {
        artifacts.unlink(id, requireArtifactId(request));
        return ResponseEntity.noContent().build();
    }

    /** The root artifacts linked to the config, content included. */
    @GetMapping("/{id}/$artifacts")
    @Operation(summary = "Root artifacts linked to the config")
    public List<ArtifactOut> linked(@PathVariable String id) {
        return artifacts.linkedTo(id).stream().map(artifacts::toOut).toList();
    }

    private static String requireArtifactId(ArtifactLinkRequest request) {
        if (request == null || request.artifactId() == null) {
            throw new ValidationFailedException(
                    "artifact_id is required", List.of(new FieldError("artifact_id", "is required")));
        }
        return request.artifactId();
    }
}
