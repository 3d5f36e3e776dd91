package org.chapkit.config;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the JSON Schema (draft 2020-12 vocabulary, as pydantic emits) of a config record from its components:
 * types, nested records, enums, {@link ConfigDefault} defaults, {@link Schema} titles and descriptions, and Bean
 * Validation bounds.
 */
final class ConfigSchemaGenerator {

    private final JsonMapper mapper;

    ConfigSchemaGenerator(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The schema of {@code record}.
     *
     * @param title the schema title
     * @param defaults the full default values of the top-level properties, by wire name (may be partial)
     */
    ObjectNode generate(Class<?> record, String title, ObjectNode defaults) {
        ObjectNode schema = objectSchema(record, defaults, new HashSet<>());
        ObjectNode result = mapper.createObjectNode();
        result.put("title", title);
        Schema doc = record.getAnnotation(Schema.class);
        if (doc != null && !doc.description().isEmpty()) {
            result.put("description", doc.description());
        }
        result.setAll(schema);
        result.put("additionalProperties", true);
        return result;
    }

    private ObjectNode objectSchema(Class<?> record, ObjectNode defaults, Set<Class<?>> visiting) {
        ObjectNode schema = mapper.createObjectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = mapper.createArrayNode();
        visiting.add(record);
        for (ConfigProperty property : ConfigProperty.of(record)) {
            ObjectNode node = properties.putObject(property.jsonName());
            Schema doc = property.annotation(Schema.class);
            node.put("title", doc != null && !doc.title().isEmpty() ? doc.title() : titleOf(property.jsonName()));
            node.setAll(typeSchema(property.type(), visiting));
            if (doc != null && doc.allowableValues().length > 0 && !node.has("enum")) {
                node.set(
                        "enum", allowed(doc.allowableValues(), node.path("type").asString("string")));
            }
            if (doc != null && !doc.description().isEmpty()) {
                node.put("description", doc.description());
            }
            JsonNode defaultValue = defaults == null ? null : defaults.get(property.jsonName());
            if (defaultValue != null && !defaultValue.isNull()) {
                node.set("default", defaultValue);
            }
            constraints(property, node);
            boolean mandatory = property.has(NotNull.class)
                    || property.has(NotBlank.class)
                    || property.has(NotEmpty.class)
                    || property.raw().isPrimitive();
            if (mandatory && (defaultValue == null || defaultValue.isNull())) {
                required.add(property.jsonName());
            }
        }
        visiting.remove(record);
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    private ObjectNode typeSchema(Type type, Set<Class<?>> visiting) {
        ObjectNode node = mapper.createObjectNode();
        if (type instanceof WildcardType wildcard) {
            return typeSchema(wildcard.getUpperBounds()[0], visiting);
        }
        if (type instanceof GenericArrayType array) {
            node.put("type", "array");
            node.set("items", typeSchema(array.getGenericComponentType(), visiting));
            return node;
        }
        Class<?> raw = rawClass(type);
        if (raw == Optional.class) {
            return typeSchema(typeArgument(type, 0), visiting);
        }
        if (raw == int.class
                || raw == Integer.class
                || raw == long.class
                || raw == Long.class
                || raw == short.class
                || raw == Short.class
                || raw == byte.class
                || raw == Byte.class
                || raw == BigInteger.class) {
            node.put("type", "integer");
        } else if (raw == double.class
                || raw == Double.class
                || raw == float.class
                || raw == Float.class
                || raw == BigDecimal.class) {
            node.put("type", "number");
        } else if (raw == boolean.class || raw == Boolean.class) {
            node.put("type", "boolean");
        } else if (raw == String.class || CharSequence.class.isAssignableFrom(raw) || raw == char.class) {
            node.put("type", "string");
        } else if (raw == LocalDate.class) {
            node.put("type", "string");
            node.put("format", "date");
        } else if (raw == Instant.class || raw == OffsetDateTime.class || raw == LocalDateTime.class) {
            node.put("type", "string");
            node.put("format", "date-time");
        } else if (raw == UUID.class) {
            node.put("type", "string");
            node.put("format", "uuid");
        } else if (raw.isEnum()) {
            // The wire values decide the type: an enum whose @JsonValue is an int is Literal[1, 2, 3], an integer.
            ArrayNode values = mapper.createArrayNode();
            for (Object constant : raw.getEnumConstants()) {
                values.add(mapper.<JsonNode>valueToTree(constant));
            }
            node.put("type", jsonTypeOf(values));
            node.set("enum", values);
        } else if (raw.isArray()) {
            node.put("type", "array");
            node.set("items", typeSchema(raw.getComponentType(), visiting));
        } else if (Collection.class.isAssignableFrom(raw)) {
            node.put("type", "array");
            node.set("items", typeSchema(typeArgument(type, 0), visiting));
            if (Set.class.isAssignableFrom(raw)) {
                node.put("uniqueItems", true);
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            node.put("type", "object");
            node.set("additionalProperties", typeSchema(typeArgument(type, 1), visiting));
        } else if (raw.isRecord() && !visiting.contains(raw)) {
            node.put("title", raw.getSimpleName());
            node.setAll(objectSchema(raw, null, visiting));
        }
        // Anything else (JsonNode, Object, a recursive record) is left open: any JSON value.
        return node;
    }

    /** The JSON Schema type shared by every value, or {@code string} when they differ. */
    private static String jsonTypeOf(ArrayNode values) {
        boolean integers = !values.isEmpty();
        boolean numbers = !values.isEmpty();
        boolean booleans = !values.isEmpty();
        for (JsonNode value : values) {
            integers &= value.isIntegralNumber();
            numbers &= value.isNumber();
            booleans &= value.isBoolean();
        }
        return integers ? "integer" : numbers ? "number" : booleans ? "boolean" : "string";
    }

    /** {@code @Schema(allowableValues = ...)} as JSON values of the property's type. */
    private ArrayNode allowed(String[] texts, String type) {
        ArrayNode values = mapper.createArrayNode();
        for (String text : texts) {
            String value = text.trim();
            try {
                switch (type) {
                    case "integer" -> values.add(new BigInteger(value));
                    case "number" -> values.add(new BigDecimal(value));
                    case "boolean" -> values.add(Boolean.parseBoolean(value));
                    default -> values.add(text);
                }
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(
                        "@Schema(allowableValues) value '" + text + "' is not of the property's type " + type, ex);
            }
        }
        return values;
    }

    private static void constraints(ConfigProperty property, ObjectNode node) {
        String type = node.path("type").asString("");
        boolean text = type.equals("string");
        boolean array = type.equals("array");
        Min min = property.annotation(Min.class);
        if (min != null) {
            node.put("minimum", min.value());
        }
        Max max = property.annotation(Max.class);
        if (max != null) {
            node.put("maximum", max.value());
        }
        DecimalMin decimalMin = property.annotation(DecimalMin.class);
        if (decimalMin != null) {
            node.put(decimalMin.inclusive() ? "minimum" : "exclusiveMinimum", new BigDecimal(decimalMin.value()));
        }
        DecimalMax decimalMax = property.annotation(DecimalMax.class);
        if (decimalMax != null) {
            node.put(decimalMax.inclusive() ? "maximum" : "exclusiveMaximum", new BigDecimal(decimalMax.value()));
        }
        if (property.has(Positive.class)) {
            node.put("exclusiveMinimum", 0);
        }
        if (property.has(PositiveOrZero.class)) {
            node.put("minimum", 0);
        }
        if (property.has(Negative.class)) {
            node.put("exclusiveMaximum", 0);
        }
        if (property.has(NegativeOrZero.class)) {
            node.put("maximum", 0);
        }
        Size size = property.annotation(Size.class);
        if (size != null) {
            String minKey = array ? "minItems" : text ? "minLength" : "minProperties";
            String maxKey = array ? "maxItems" : text ? "maxLength" : "maxProperties";
            if (size.min() > 0) {
                node.put(minKey, size.min());
            }
            if (size.max() < Integer.MAX_VALUE) {
                node.put(maxKey, size.max());
            }
        }
        if (property.has(NotBlank.class) || (property.has(NotEmpty.class) && text)) {
            node.put("minLength", 1);
        }
        if (property.has(NotEmpty.class) && array) {
            node.put("minItems", 1);
        }
        Pattern pattern = property.annotation(Pattern.class);
        if (pattern != null) {
            node.put("pattern", pattern.regexp());
        }
    }

    /** pydantic's default title: words of the wire name, capitalised. */
    static String titleOf(String jsonName) {
        StringBuilder title = new StringBuilder();
        for (String word : jsonName.split("_")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!title.isEmpty()) {
                title.append(' ');
            }
            title.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return title.toString();
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        if (type instanceof WildcardType wildcard) {
            return rawClass(wildcard.getUpperBounds()[0]);
        }
        return Object.class;
    }

    static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length > index) {
            return parameterized.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
