package org.chapkit.artifact;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/artifacts} and {@code PUT /api/v1/artifacts/{id}}.
 *
 * @param id optional ULID; on POST an existing id updates that artifact (upsert)
 * @param tags tags; on PUT left unchanged when absent
 * @param data any JSON value (required)
 * @param parentId the parent artifact, null for a root; on PUT left unchanged when absent
 * @param level ignored: the server computes levels
 */
@Schema(name = "ArtifactIn", description = "An artifact to create or replace")
public record ArtifactIn(
        @Schema(description = "Optional ULID; an existing id makes POST an update")
        String id,

        @Schema(description = "Tags: letters, digits, '_' and '-', at most 50")
        List<String> tags,

        @Schema(
                description = "Any JSON value",
                requiredMode = Schema.RequiredMode.REQUIRED,
                implementation = Object.class)
        JsonNode data,

        @JsonProperty("parent_id") @Schema(description = "Parent artifact ULID, null for a root")
        String parentId,

        @Schema(description = "Ignored; computed by the server")
        Integer level) {}
