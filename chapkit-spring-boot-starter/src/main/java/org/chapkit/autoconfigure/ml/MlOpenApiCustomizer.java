package org.chapkit.autoconfigure.ml;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Shows Jackson tree types reached through the ML request records (the GeoJSON and DataFrame cells) as free-form
 * JSON objects instead of springdoc's description of Jackson's {@code JsonNode} class.
 */
final class MlOpenApiCustomizer implements OpenApiCustomizer {

    private static final Set<String> TREE_TYPES = Set.of("JsonNode", "ObjectNode", "ArrayNode");

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            TREE_TYPES.forEach(schemas::remove);
            schemas.values().forEach(MlOpenApiCustomizer::fix);
        }
        if (openApi.getPaths() != null) {
            for (PathItem path : openApi.getPaths().values()) {
                for (Operation operation : path.readOperations()) {
                    if (operation.getRequestBody() != null) {
                        fix(operation.getRequestBody().getContent());
                    }
                    if (operation.getResponses() != null) {
                        for (ApiResponse response : operation.getResponses().values()) {
                            fix(response.getContent());
                        }
                    }
                }
            }
        }
    }

    private static void fix(Content content) {
        if (content != null) {
            for (MediaType type : content.values()) {
                if (isTree(type.getSchema())) {
                    type.setSchema(new ObjectSchema());
                } else {
                    fix(type.getSchema());
                }
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void fix(Schema schema) {
        if (schema == null) {
            return;
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            properties.replaceAll((name, property) -> isTree(property) ? new ObjectSchema() : property);
            properties.values().forEach(MlOpenApiCustomizer::fix);
        }
        if (isTree(schema.getItems())) {
            schema.setItems(new ObjectSchema());
        } else {
            fix(schema.getItems());
        }
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            if (isTree(additional)) {
                schema.setAdditionalProperties(new ObjectSchema());
            } else {
                fix(additional);
            }
        }
        for (List<Schema> composed : new List[] {schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
            if (composed != null) {
                composed.replaceAll(part -> isTree(part) ? new ObjectSchema() : part);
                composed.forEach(MlOpenApiCustomizer::fix);
            }
        }
    }

    private static boolean isTree(Schema<?> schema) {
        if (schema == null || schema.get$ref() == null) {
            return false;
        }
        String ref = schema.get$ref();
        return TREE_TYPES.contains(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
