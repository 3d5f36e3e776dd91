package org.chapkit.ml.geo;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A GeoJSON {@code FeatureCollection}, passed through unchanged.
 *
 * <p>Only the envelope is validated ({@code "type":"FeatureCollection"} and a {@code features} array); geometries
 * and properties are the model's business. By convention each feature's {@code properties.id} matches a
 * {@code location} value of the data.
 *
 * @param json the whole object, as received
 */
public record FeatureCollection(ObjectNode json) {

    /**
     * Validates the envelope.
     *
     * @throws IllegalArgumentException when {@code type} is not {@code FeatureCollection} or {@code features} is
     *     not an array
     */
    public FeatureCollection {
        Objects.requireNonNull(json, "json");
        if (!"FeatureCollection".equals(json.path("type").asString(null))) {
            throw new IllegalArgumentException("geo must be a GeoJSON object with \"type\": \"FeatureCollection\"");
        }
        if (!json.path("features").isArray()) {
            throw new IllegalArgumentException("geo must have a \"features\" array");
        }
        json = json.deepCopy();
    }

    /**
     * Reads a collection from JSON.
     *
     * @param json the JSON value
     * @return the collection
     * @throws IllegalArgumentException when it is not an object or not a FeatureCollection
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static FeatureCollection of(JsonNode json) {
        if (!(json instanceof ObjectNode object)) {
            throw new IllegalArgumentException("geo must be a JSON object");
        }
        return new FeatureCollection(object);
    }

    /**
     * The JSON written on the wire (a copy, so the collection stays unchanged).
     *
     * @return the object
     */
    @Override
    @JsonValue
    public ObjectNode json() {
        return json.deepCopy();
    }

    /**
     * The features.
     *
     * @return a copy of the {@code features} array
     */
    public ArrayNode features() {
        return (ArrayNode) json.get("features").deepCopy();
    }

    /**
     * The number of features.
     *
     * @return the count
     */
    public int size() {
        return json.get("features").size();
    }

    /**
     * The optional top-level {@code bbox} ({@code [west, south, east, north]}).
     *
     * @return a copy of the bbox, if any
     */
    public Optional<ArrayNode> bbox() {
        JsonNode bbox = json.get("bbox");
        return bbox instanceof ArrayNode array ? Optional.of(array.deepCopy()) : Optional.empty();
    }
}
