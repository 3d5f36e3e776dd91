package org.chapkit.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.node.ObjectNode;

/**
 * A config type on the wire, as {@code GET /api/v1/config-types} lists it.
 *
 * @param name the type's name ({@value ConfigTypes#DEFAULT_TYPE} for the one {@code /api/v1/configs} serves)
 * @param defaultType whether it is the service's default type
 * @param title the record's name, the schema's {@code title}
 * @param configs where its configs are served
 * @param schema the JSON Schema of its configs' {@code data}, as its {@code $schema} endpoint serves it
 */
@Schema(name = "ConfigTypeOut", description = "A config type of the service and the schema of its data")
@JsonPropertyOrder({"name", "default", "title", "configs", "schema"})
public record ConfigTypeOut(
        @JsonProperty("name") String name,
        @JsonProperty("default") boolean defaultType,
        @JsonProperty("title") String title,
        @JsonProperty("configs") String configs,

        @JsonProperty("schema") @Schema(type = "object", implementation = Object.class)
        ObjectNode schema) {

    /**
     * The wire form of a type.
     *
     * @param manager the type's manager
     * @return its description
     */
    public static ConfigTypeOut of(ConfigManager<?> manager) {
        return new ConfigTypeOut(
                manager.typeName(),
                ConfigTypes.DEFAULT_TYPE.equals(manager.typeName()),
                manager.type().definition().name(),
                manager.collectionPath(),
                manager.type().schema());
    }
}
