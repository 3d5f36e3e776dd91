package org.chapkit.autoconfigure.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;
import org.chapkit.config.ConfigType;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Adds the service's config record to the OpenAPI components (under its config type name) and points
 * {@code ConfigIn.data} and {@code ConfigOut.data} at it, so the API description shows the typed config.
 */
public class ConfigSchemaOpenApiCustomizer implements OpenApiCustomizer {

    private final ConfigType<?> type;

    public ConfigSchemaOpenApiCustomizer(ConfigType<?> type) {
        this.type = type;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        String name = type.definition().name();
        Schema<?> schema = schema();
        openApi.getComponents().addSchemas(name, schema);
        for (String holder : new String[] {"ConfigIn", "ConfigOut"}) {
            Schema<?> holderSchema = openApi.getComponents().getSchemas().get(holder);
            if (holderSchema != null && holderSchema.getProperties() != null) {
                Map<String, Schema> properties = holderSchema.getProperties();
                properties.put("data", new Schema<>().$ref("#/components/schemas/" + name));
            }
        }
    }

    private Schema<?> schema() {
        try {
            return Json.mapper().readValue(type.schema().toString(), Schema.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(
                    "Cannot describe config type " + type.type().getName() + " in OpenAPI: " + ex.getOriginalMessage(),
                    ex);
        }
    }
}
