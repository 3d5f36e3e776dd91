package org.chapkit.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/configs} and {@code PUT /api/v1/configs/{id}}.
 *
 * @param id optional ULID; on POST an existing id updates that config, a new one creates it with that id; ignored on
 *     PUT
 * @param tags tags; on PUT left unchanged when absent
 * @param name display name (required, not unique)
 * @param data the config values, validated against the service's config record
 */
@Schema(name = "ConfigIn", description = "A config to create or replace")
public record ConfigIn(
        @Schema(description = "Optional ULID; an existing id makes POST an update")
        String id,

        @Schema(description = "Tags: letters, digits, '_' and '-', at most 50")
        List<String> tags,

        @Schema(description = "Display name", requiredMode = Schema.RequiredMode.REQUIRED)
        String name,

        @JsonProperty("data")
        @Schema(
                description = "Config values; see GET /api/v1/configs/$schema",
                requiredMode = Schema.RequiredMode.REQUIRED,
                type = "object",
                implementation = Object.class)
        JsonNode data) {}
