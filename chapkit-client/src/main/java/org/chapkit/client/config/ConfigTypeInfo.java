package org.chapkit.client.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * A config type of the service ({@code GET /api/v1/config-types}).
 *
 * @param name the type's name; {@code default} for the one {@code /api/v1/configs} serves
 * @param defaultType whether it is the service's default type
 * @param title the config record's name (the schema's {@code title})
 * @param configs the path its configs are served under
 * @param schema the JSON Schema of its configs' data
 */
public record ConfigTypeInfo(
        @JsonProperty("name") String name,
        @JsonProperty("default") boolean defaultType,
        @JsonProperty("title") String title,
        @JsonProperty("configs") String configs,
        @JsonProperty("schema") JsonNode schema) {}
