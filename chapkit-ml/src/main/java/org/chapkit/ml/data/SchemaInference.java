package org.chapkit.ml.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Resolves column types in chapkit's order ({@code DataFrame.with_schema}). */
final class SchemaInference {

    /** chap-core's canonical columns, whose types come from the contract rather than the values. */
    static final Map<String, FieldType> CANONICAL_COLUMN_TYPES = Map.of(
            "time_period", FieldType.STRING,
            "location", FieldType.STRING,
            "disease_cases", FieldType.NUMBER,
            "population", FieldType.INTEGER,
            "rainfall", FieldType.NUMBER,
            "mean_temperature", FieldType.NUMBER);

    private SchemaInference() {}

    static DataFrameSchema infer(DataFrame frame, List<String> requiredCovariates, JsonNode configSchema) {
        Set<String> required = new HashSet<>(requiredCovariates);
        Map<String, FieldType> declared = configSchemaTypes(configSchema);
        List<DataFrameField> fields = new ArrayList<>(frame.columns().size());
        for (String column : frame.columns()) {
            FieldType type;
            if (CANONICAL_COLUMN_TYPES.containsKey(column)) {
                type = CANONICAL_COLUMN_TYPES.get(column);
            } else if (required.contains(column)) {
                type = FieldType.NUMBER;
            } else if (declared.containsKey(column)) {
                type = declared.get(column);
            } else {
                type = inferFromValues(frame.column(column));
            }
            fields.add(DataFrameField.of(column, type));
        }
        return new DataFrameSchema(fields);
    }

    private static Map<String, FieldType> configSchemaTypes(JsonNode configSchema) {
        Map<String, FieldType> types = new HashMap<>();
        if (configSchema == null || !configSchema.path("properties").isObject()) {
            return types;
        }
        for (Map.Entry<String, JsonNode> property :
                configSchema.path("properties").properties()) {
            JsonNode type = property.getValue().path("type");
            if (type.isString()) {
                switch (type.asString()) {
                    case "string" -> types.put(property.getKey(), FieldType.STRING);
                    case "integer" -> types.put(property.getKey(), FieldType.INTEGER);
                    case "number" -> types.put(property.getKey(), FieldType.NUMBER);
                    case "boolean" -> types.put(property.getKey(), FieldType.BOOLEAN);
                    default -> {
                        // arrays, objects and unions do not describe a column
                    }
                }
            }
        }
        return types;
    }

    /** chapkit's {@code _infer_field_type}: integers only → integer, integers and floats → number, else one type. */
    static FieldType inferFromValues(List<Object> values) {
        Set<FieldType> seen = EnumSet.noneOf(FieldType.class);
        for (Object value : values) {
            if (value != null) {
                seen.add(valueType(value));
            }
        }
        if (seen.isEmpty()) {
            return FieldType.ANY;
        }
        if (seen.equals(EnumSet.of(FieldType.INTEGER))) {
            return FieldType.INTEGER;
        }
        if (EnumSet.of(FieldType.INTEGER, FieldType.NUMBER).containsAll(seen)) {
            return FieldType.NUMBER;
        }
        return seen.size() == 1 ? seen.iterator().next() : FieldType.ANY;
    }

    static FieldType valueType(Object value) {
        return switch (value) {
            case Boolean b -> FieldType.BOOLEAN;
            case Long l -> FieldType.INTEGER;
            case Integer i -> FieldType.INTEGER;
            case Short s -> FieldType.INTEGER;
            case Byte b -> FieldType.INTEGER;
            case BigInteger big -> FieldType.INTEGER;
            case Double d -> FieldType.NUMBER;
            case Float f -> FieldType.NUMBER;
            case BigDecimal big -> FieldType.NUMBER;
            case String s -> FieldType.STRING;
            default -> FieldType.ANY;
        };
    }
}
