package org.chapkit.schema;

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
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates JSON Schemas (draft 2020-12 vocabulary, as pydantic emits them) from records: types, nested records,
 * enums, {@link Schema} titles, descriptions, formats and defaults, and Bean Validation bounds.
 *
 * <p>Two shapes, as chapkit's Python endpoints serve them:
 *
 * <ul>
 *   <li>{@link #configSchema}: a config record with its nested records inlined and extra keys allowed (chapkit's
 *       {@code /api/v1/configs/$schema}, which takes the data class out of pydantic's {@code $defs});
 *   <li>{@link #modelSchema} and {@link #listSchema}: a response record as pydantic's {@code model_json_schema()}
 *       and {@code TypeAdapter(list[Model]).json_schema()} emit it, nested records and enums under {@code $defs},
 *       nullable components ({@code @Schema(nullable = true)} or {@link Optional}) as {@code anyOf} with
 *       {@code null} and a {@code null} default.
 * </ul>
 */
public final class JsonSchemaGenerator {

    private final JsonMapper mapper;

    /** A generator building nodes (and enum wire values) with {@code mapper}. */
    public JsonSchemaGenerator(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The schema of config record {@code record}: nested records inlined, {@code additionalProperties: true}.
     *
     * @param title the schema title
     * @param defaults the full default values of the top-level properties, by wire name (may be partial)
     */
    public ObjectNode configSchema(Class<?> record, String title, ObjectNode defaults) {
        ObjectNode schema = objectSchema(record, defaults, new HashSet<>(), null);
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

    /** pydantic's {@code model_json_schema()} of response record {@code record}. */
    public ObjectNode modelSchema(Class<?> record) {
        Definitions definitions = new Definitions();
        ObjectNode model = modelNode(record, definitions);
        ObjectNode result = mapper.createObjectNode();
        if (!definitions.nodes.isEmpty()) {
            result.set("$defs", definitions.nodes);
        }
        result.setAll(model);
        return result;
    }

    /** pydantic's {@code TypeAdapter(list[Model]).json_schema()} for response record {@code record}. */
    public ObjectNode listSchema(Class<?> record) {
        Definitions definitions = new Definitions();
        ObjectNode items = definitions.reference(record, () -> modelNode(record, definitions));
        ObjectNode result = mapper.createObjectNode();
        result.set("$defs", definitions.nodes);
        result.set("items", items);
        result.put("type", "array");
        return result;
    }

    /** The title, description and object schema of a response record, its nested types under definitions. */
    private ObjectNode modelNode(Class<?> record, Definitions definitions) {
        ObjectNode node = mapper.createObjectNode();
        Schema doc = record.getAnnotation(Schema.class);
        if (doc != null && !doc.description().isEmpty()) {
            node.put("description", doc.description());
        }
        node.put("title", nameOf(record));
        node.setAll(objectSchema(record, null, new HashSet<>(), definitions));
        return node;
    }

    /** The {@code $defs} of a model schema, filled as references to them are made. */
    private final class Definitions {
        private final ObjectNode nodes = mapper.createObjectNode();

        /** A {@code $ref} to {@code type}'s definition, made by {@code definition} the first time. */
        ObjectNode reference(Class<?> type, Supplier<ObjectNode> definition) {
            String name = nameOf(type);
            if (!nodes.has(name)) {
                nodes.putObject(name); // placeholder: a record that refers to itself finds its own name
                nodes.set(name, definition.get());
            }
            return mapper.createObjectNode().put("$ref", "#/$defs/" + name);
        }
    }

    /** {@code @Schema(name)}, else the simple class name. */
    private static String nameOf(Class<?> type) {
        Schema doc = type.getAnnotation(Schema.class);
        return doc != null && !doc.name().isEmpty() ? doc.name() : type.getSimpleName();
    }

    /** A nullable response component: {@code @Schema(nullable = true)} or an {@link Optional}. */
    private static boolean nullable(RecordProperty property) {
        Schema doc = property.annotation(Schema.class);
        return (doc != null && doc.nullable()) || property.raw() == Optional.class;
    }

    /** {@code @Schema(defaultValue)} as a JSON value of the component's schema type, or null. */
    private JsonNode declaredDefault(RecordProperty property, ObjectNode typeSchema) {
        Schema doc = property.annotation(Schema.class);
        if (doc == null || doc.defaultValue().isEmpty()) {
            return null;
        }
        String type = typeSchema.path("type").asString("string");
        return allowed(new String[] {doc.defaultValue()}, type).get(0);
    }

    /** The properties of a response record, as pydantic emits the fields of a model. */
    private ObjectNode modelProperty(RecordProperty property, Set<Class<?>> visiting, Definitions definitions) {
        ObjectNode node = mapper.createObjectNode();
        ObjectNode type = typeSchema(property.type(), visiting, definitions);
        Schema doc = property.annotation(Schema.class);
        if (doc != null && !doc.format().isEmpty()) {
            type.put("format", doc.format());
        }
        boolean nullable = nullable(property);
        if (nullable) {
            node.putArray("anyOf").add(type).add(mapper.createObjectNode().put("type", "null"));
            node.putNull("default");
        } else {
            node.setAll(type);
            JsonNode declared = declaredDefault(property, type);
            if (declared != null) {
                node.set("default", declared);
            }
        }
        if (nullable || !type.has("$ref")) {
            node.put("title", doc != null && !doc.title().isEmpty() ? doc.title() : titleOf(property.jsonName()));
        }
        if (doc != null && !doc.description().isEmpty()) {
            node.put("description", doc.description());
        }
        constraints(property, node);
        return node;
    }

    private ObjectNode objectSchema(
            Class<?> record, ObjectNode defaults, Set<Class<?>> visiting, Definitions definitions) {
        if (definitions != null) {
            return modelObjectSchema(record, visiting, definitions);
        }
        return configObjectSchema(record, defaults, visiting);
    }

    private ObjectNode modelObjectSchema(Class<?> record, Set<Class<?>> visiting, Definitions definitions) {
        ObjectNode schema = mapper.createObjectNode();
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = mapper.createArrayNode();
        visiting.add(record);
        for (RecordProperty property : RecordProperty.of(record)) {
            ObjectNode node = modelProperty(property, visiting, definitions);
            properties.set(property.jsonName(), node);
            if (!node.has("default")) {
                required.add(property.jsonName());
            }
        }
        visiting.remove(record);
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("type", "object");
        return schema;
    }

    private ObjectNode configObjectSchema(Class<?> record, ObjectNode defaults, Set<Class<?>> visiting) {
        ObjectNode schema = mapper.createObjectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = mapper.createArrayNode();
        visiting.add(record);
        for (RecordProperty property : RecordProperty.of(record)) {
            ObjectNode node = properties.putObject(property.jsonName());
            Schema doc = property.annotation(Schema.class);
            node.put("title", doc != null && !doc.title().isEmpty() ? doc.title() : titleOf(property.jsonName()));
            node.setAll(typeSchema(property.type(), visiting, null));
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

    /** The schema of {@code type}; records and enums under {@code definitions} when given, else inline. */
    private ObjectNode typeSchema(Type type, Set<Class<?>> visiting, Definitions definitions) {
        ObjectNode node = mapper.createObjectNode();
        if (type instanceof WildcardType wildcard) {
            return typeSchema(wildcard.getUpperBounds()[0], visiting, definitions);
        }
        if (type instanceof GenericArrayType array) {
            node.put("type", "array");
            node.set("items", typeSchema(array.getGenericComponentType(), visiting, definitions));
            return node;
        }
        Class<?> raw = rawClass(type);
        if (raw == Optional.class) {
            return typeSchema(typeArgument(type, 0), visiting, definitions);
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
        } else if (raw.isEnum() && definitions != null) {
            return definitions.reference(raw, () -> enumDefinition(raw));
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
            node.set("items", typeSchema(raw.getComponentType(), visiting, definitions));
        } else if (Collection.class.isAssignableFrom(raw)) {
            node.put("type", "array");
            node.set("items", typeSchema(typeArgument(type, 0), visiting, definitions));
            if (Set.class.isAssignableFrom(raw)) {
                node.put("uniqueItems", true);
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            node.put("type", "object");
            node.set("additionalProperties", typeSchema(typeArgument(type, 1), visiting, definitions));
        } else if (raw.isRecord() && definitions != null) {
            return definitions.reference(raw, () -> modelNode(raw, definitions));
        } else if (raw.isRecord() && !visiting.contains(raw)) {
            node.put("title", raw.getSimpleName());
            node.setAll(objectSchema(raw, null, visiting, null));
        }
        // Anything else (JsonNode, Object, a recursive record) is left open: any JSON value.
        return node;
    }

    /** An enum's {@code $defs} entry: its wire values, title and {@code @Schema} description. */
    private ObjectNode enumDefinition(Class<?> type) {
        ObjectNode node = mapper.createObjectNode();
        Schema doc = type.getAnnotation(Schema.class);
        if (doc != null && !doc.description().isEmpty()) {
            node.put("description", doc.description());
        }
        ArrayNode values = mapper.createArrayNode();
        for (Object constant : type.getEnumConstants()) {
            values.add(mapper.<JsonNode>valueToTree(constant));
        }
        node.set("enum", values);
        node.put("title", nameOf(type));
        node.put("type", jsonTypeOf(values));
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

    private static void constraints(RecordProperty property, ObjectNode node) {
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
    public static String titleOf(String jsonName) {
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

    /** The class of {@code type} (its raw class, or a wildcard's upper bound). */
    public static Class<?> rawClass(Type type) {
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

    /** Type argument {@code index} of {@code type}, or {@code Object} when it has none. */
    public static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length > index) {
            return parameterized.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
