package org.chapkit.ml.inference.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chapkit.ml.data.DataFrame;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds {@link DataFrame}s from the inference protocols' JSON: columns with their cells go straight into a frame
 * ({@link DataFrame#ofJsonColumns}, which converts cells as the frame deserializer does), pandas orientations are
 * read with the same deserializer as {@code $predict}'s frames, so a value reaches the model as the same Java value
 * whichever endpoint it came through.
 */
final class InferenceFrames {

    private final JsonMapper mapper;

    InferenceFrames(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** A frame from columns, each a list of cells of equal length. */
    DataFrame fromColumns(Map<String, List<JsonNode>> columns, String what) {
        try {
            return DataFrame.ofJsonColumns(columns);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(what + ": " + ex.getMessage(), ex);
        }
    }

    /** A frame from pandas' {@code split} orientation: {@code {"columns": […], "data": [[…], …]}}. */
    DataFrame fromSplit(JsonNode split, String what) {
        if (split == null
                || !split.isObject()
                || !split.path("columns").isArray()
                || !split.path("data").isArray()) {
            throw new IllegalArgumentException(what + " must be an object with 'columns' and 'data' arrays");
        }
        ObjectNode frame = mapper.createObjectNode();
        frame.set("columns", split.get("columns"));
        frame.set("data", split.get("data"));
        return read(frame, what);
    }

    /** A frame from pandas' {@code records} orientation: {@code [{"column": value, …}, …]}. */
    DataFrame fromRecords(JsonNode records, String what) {
        if (records == null || !records.isArray()) {
            throw new IllegalArgumentException(what + " must be an array of objects");
        }
        Map<String, List<JsonNode>> columns = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode record : records) {
            if (!record.isObject()) {
                throw new IllegalArgumentException(what + "[" + index + "] is not an object");
            }
            for (String name : record.propertyNames()) {
                columns.computeIfAbsent(name, n -> new ArrayList<>());
            }
            index++;
        }
        for (JsonNode record : records) {
            for (Map.Entry<String, List<JsonNode>> column : columns.entrySet()) {
                column.getValue()
                        .add(record.has(column.getKey()) ? record.get(column.getKey()) : NullNode.getInstance());
            }
        }
        return fromColumns(columns, what);
    }

    private DataFrame read(ObjectNode frame, String what) {
        try {
            return mapper.treeToValue(frame, DataFrame.class);
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException(what + " is not a valid frame: " + ex.getMessage(), ex);
        }
    }
}
