package org.chapkit.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Describes a task's parameters as a JSON Schema object (draft 2020-12 vocabulary): one property per parameter,
 * constraints from Bean Validation annotations, and injected parameters marked {@code "x-injected": true}.
 */
public class TaskParameterSchemas {

    private final ObjectMapper mapper;

    public TaskParameterSchemas(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The JSON Schema of the params object accepted by {@code task}. */
    public ObjectNode schemaOf(TaskDefinition task) {
        ObjectNode schema = mapper.createObjectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = mapper.createArrayNode();
        for (TaskParameter parameter : task.parameters()) {
            if (parameter.injected()) {
                ObjectNode injected = properties.putObject(parameter.name());
                injected.put("x-injected", true);
                injected.put("x-java-type", parameter.type().getName());
                continue;
            }
            properties.set(parameter.name(), schemaOf(parameter.genericType(), parameter.parameter(), new HashSet<>()));
            if (parameter.required()) {
                required.add(parameter.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private ObjectNode schemaOf(Type type, AnnotatedElement annotations, Set<Class<?>> seen) {
        ObjectNode schema = typeSchema(type, seen);
        if (annotations != null) {
            constraints(schema, annotations);
        }
        return schema;
    }

    private ObjectNode typeSchema(Type type, Set<Class<?>> seen) {
        ObjectNode schema = mapper.createObjectNode();
        if (type instanceof WildcardType wildcard) {
            return typeSchema(wildcard.getUpperBounds()[0], seen);
        }
        if (type instanceof GenericArrayType array) {
            schema.put("type", "array");
            schema.set("items", typeSchema(array.getGenericComponentType(), seen));
            return schema;
        }
        Class<?> raw = rawClass(type);
        if (raw == null || raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            return schema;
        }
        if (raw == String.class
                || raw == char.class
                || raw == Character.class
                || CharSequence.class.isAssignableFrom(raw)) {
            schema.put("type", "string");
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema.put("type", "boolean");
        } else if (raw == int.class
                || raw == Integer.class
                || raw == short.class
                || raw == Short.class
                || raw == byte.class
                || raw == Byte.class) {
            schema.put("type", "integer").put("format", "int32");
        } else if (raw == long.class || raw == Long.class || raw == BigInteger.class) {
            schema.put("type", "integer").put("format", "int64");
        } else if (raw == double.class
                || raw == Double.class
                || raw == float.class
                || raw == Float.class
                || raw == BigDecimal.class) {
            schema.put("type", "number");
        } else if (raw.isEnum()) {
            schema.put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
        } else if (raw == UUID.class) {
            schema.put("type", "string").put("format", "uuid");
        } else if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class) {
            schema.put("type", "string").put("format", "date-time");
        } else if (raw == LocalDate.class) {
            schema.put("type", "string").put("format", "date");
        } else if (raw == LocalDateTime.class) {
            schema.put("type", "string");
        } else if (raw == Duration.class) {
            schema.put("type", "string").put("format", "duration");
        } else if (raw.isArray()) {
            schema.put("type", "array");
            schema.set("items", typeSchema(raw.getComponentType(), seen));
        } else if (Collection.class.isAssignableFrom(raw)) {
            schema.put("type", "array");
            schema.set("items", typeSchema(typeArgument(type, 0), seen));
        } else if (Map.class.isAssignableFrom(raw)) {
            schema.put("type", "object");
            schema.set("additionalProperties", typeSchema(typeArgument(type, 1), seen));
        } else if (raw.isRecord() && seen.add(raw)) {
            schema.put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            ArrayNode required = mapper.createArrayNode();
            for (RecordComponent component : raw.getRecordComponents()) {
                JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
                String name = property != null && !property.value().isEmpty() ? property.value() : component.getName();
                properties.set(name, schemaOf(component.getGenericType(), component.getAccessor(), seen));
                if (component.getType().isPrimitive() || isRequired(component.getAccessor())) {
                    required.add(name);
                }
            }
            if (!required.isEmpty()) {
                schema.set("required", required);
            }
            seen.remove(raw);
        } else {
            schema.put("type", "object");
        }
        return schema;
    }

    private static boolean isRequired(AnnotatedElement element) {
        return element.isAnnotationPresent(NotNull.class)
                || element.isAnnotationPresent(NotBlank.class)
                || element.isAnnotationPresent(NotEmpty.class);
    }

    private static void constraints(ObjectNode schema, AnnotatedElement element) {
        boolean array = "array".equals(schema.path("type").asString(""));
        Min min = element.getAnnotation(Min.class);
        if (min != null) {
            schema.put("minimum", min.value());
        }
        Max max = element.getAnnotation(Max.class);
        if (max != null) {
            schema.put("maximum", max.value());
        }
        DecimalMin decimalMin = element.getAnnotation(DecimalMin.class);
        if (decimalMin != null) {
            schema.put(decimalMin.inclusive() ? "minimum" : "exclusiveMinimum", new BigDecimal(decimalMin.value()));
        }
        DecimalMax decimalMax = element.getAnnotation(DecimalMax.class);
        if (decimalMax != null) {
            schema.put(decimalMax.inclusive() ? "maximum" : "exclusiveMaximum", new BigDecimal(decimalMax.value()));
        }
        if (element.isAnnotationPresent(Positive.class)) {
            schema.put("exclusiveMinimum", 0);
        }
        if (element.isAnnotationPresent(PositiveOrZero.class)) {
            schema.put("minimum", 0);
        }
        Size size = element.getAnnotation(Size.class);
        if (size != null) {
            if (size.min() > 0) {
                schema.put(array ? "minItems" : "minLength", size.min());
            }
            if (size.max() < Integer.MAX_VALUE) {
                schema.put(array ? "maxItems" : "maxLength", size.max());
            }
        }
        if (element.isAnnotationPresent(NotBlank.class) || element.isAnnotationPresent(NotEmpty.class)) {
            if (!schema.has(array ? "minItems" : "minLength")) {
                schema.put(array ? "minItems" : "minLength", 1);
            }
        }
        Pattern pattern = element.getAnnotation(Pattern.class);
        if (pattern != null) {
            schema.put("pattern", pattern.regexp());
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length > index) {
            return parameterized.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
