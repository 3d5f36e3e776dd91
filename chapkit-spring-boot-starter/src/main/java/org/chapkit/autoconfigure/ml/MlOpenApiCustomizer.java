package org.chapkit.autoconfigure.ml;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Describes the ML request records' DataFrames by chapkit's wire form, one {@code DataFrame} component every
 * request property refers to ({@link #dataFrame()}, instead of springdoc's reading of the Java record), and shows
 * Jackson tree types (the GeoJSON and DataFrame cells) as free-form JSON objects instead of springdoc's description
 * of Jackson's {@code JsonNode} class.
 */
final class MlOpenApiCustomizer implements OpenApiCustomizer {

    /** The component name of {@code org.chapkit.ml.data.DataFrame}. */
    static final String DATA_FRAME = "DataFrame";

    private static final Set<String> TREE_TYPES = Set.of("JsonNode", "ObjectNode", "ArrayNode");

    /** Components springdoc derives from the Java record's internals, unused once {@link #dataFrame()} replaces it. */
    private static final Set<String> RECORD_INTERNALS = Set.of("DataFrameSchema", "DataFrameField", "FieldType");

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            TREE_TYPES.forEach(schemas::remove);
            if (schemas.containsKey(DATA_FRAME)) {
                schemas.put(DATA_FRAME, dataFrame());
                for (String internal : RECORD_INTERNALS) {
                    Schema<?> removed = schemas.remove(internal);
                    if (removed != null && referenced(openApi, internal)) {
                        schemas.put(internal, removed);
                    }
                }
            }
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

    private static boolean referenced(OpenAPI openApi, String component) {
        try {
            return Json.mapper().writeValueAsString(openApi).contains("\"#/components/schemas/" + component + "\"");
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            return true; // keep it: a dangling reference is worse than an unused component
        }
    }

    /** The one OpenAPI description of chapkit's DataFrame wire form (contract §6.1). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> dataFrame() {
        Schema<?> frame = new ObjectSchema()
                .description("DataFrame: {\"columns\": [...], \"data\": [[...]], \"schema\"?: {...}}; cells are JSON "
                        + "scalars or null, rows are row-major");
        frame.addProperty("columns", new ArraySchema().items(new StringSchema()).description("column names"));
        frame.addProperty(
                "data",
                new ArraySchema()
                        .items(new ArraySchema().items(new Schema<>()))
                        .description("rows, one cell per column"));
        frame.addProperty(
                "schema", new ObjectSchema().description("optional column types (also accepted as table_schema)"));
        frame.setRequired(List.of("columns", "data"));
        return frame;
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
