package org.chapkit.client.geo;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One GeoJSON feature; chapkit matches {@code properties.id} to the {@code location} column.
 *
 * @param type always {@code Feature}
 * @param geometry the GeoJSON geometry, kept as JSON (points, polygons, multi-polygons...)
 * @param properties free-form properties, including {@code id}
 */
public record Feature(String type, JsonNode geometry, Map<String, Object> properties) {

    /**
     * The {@code properties.id} of this feature.
     *
     * @return the id, or {@code null}
     */
    public String id() {
        Object id = properties == null ? null : properties.get("id");
        return id == null ? null : id.toString();
    }
}
