package org.chapkit.config;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.JacksonErrors;
import org.chapkit.problem.ValidationFailedException;
import org.chapkit.schema.JsonSchemaGenerator;
import org.chapkit.schema.RecordProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A config record made ready for use: binds a config's JSON {@code data} to the record (filling
 * {@link ConfigDefault defaults}, checking types and Bean Validation constraints, keeping unknown keys) and knows the
 * record's JSON Schema. Component names are snake_case on the wire unless a {@code @JsonProperty} names them.
 *
 * @param <T> the config record
 */
public final class ConfigType<T extends BaseConfig> {

    private static final Logger log = LoggerFactory.getLogger(ConfigType.class);

    private final ConfigDefinition<T> definition;
    private final JsonMapper mapper;
    private final Validator validator;
    private final List<RecordProperty> properties;
    private final Map<String, RecordProperty> byJavaName;
    private final ObjectNode defaults;
    private final ObjectNode schema;

    /**
     * @param definition the config record
     * @param mapper the JSON mapper config data is stored with; a snake_case copy of it binds config data
     * @param validator checks the record's constraints
     */
    public ConfigType(ConfigDefinition<T> definition, JsonMapper mapper, Validator validator) {
        this.definition = definition;
        this.mapper = mapper.rebuild()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
        this.validator = validator;
        this.properties = RecordProperty.of(definition.type());
        this.byJavaName = properties.stream().collect(Collectors.toMap(RecordProperty::javaName, Function.identity()));
        requireReservedFields();
        this.defaults = computeDefaults();
        this.schema = new JsonSchemaGenerator(this.mapper).configSchema(definition.type(), definition.name(), defaults);
    }

    /** The config record class. */
    public Class<T> type() {
        return definition.type();
    }

    /** The definition this type was made from. */
    public ConfigDefinition<T> definition() {
        return definition;
    }

    /** The JSON Schema of the record, as served by {@code GET /api/v1/configs/$schema}. A fresh copy. */
    public ObjectNode schema() {
        return schema.deepCopy();
    }

    /** The data a config gets from {@code data: {}}: every default filled in. A fresh copy. */
    public ObjectNode defaults() {
        return defaults.deepCopy();
    }

    /**
     * Binds and validates {@code data}.
     *
     * @return the typed record and the data to store: the record's values plus any unknown keys, without nulls
     * @throws ValidationFailedException listing every invalid field (paths start with {@code data.})
     */
    public Bound<T> bind(JsonNode data) {
        if (data != null && !data.isNull() && !data.isObject()) {
            throw new ValidationFailedException(
                    "Config data must be a JSON object", List.of(new FieldError("data", "must be a JSON object")));
        }
        ObjectNode input = mapper.createObjectNode();
        if (data != null && data.isObject()) {
            data.properties().forEach(e -> {
                if (!e.getValue().isNull()) {
                    input.set(e.getKey(), e.getValue().deepCopy());
                }
            });
        }
        List<FieldError> errors = new ArrayList<>();
        fillDefaults(input, properties, "data", errors);
        for (RecordProperty property : properties) {
            JsonNode value = input.get(property.jsonName());
            if (value != null && errors.stream().noneMatch(e -> e.field().startsWith("data." + property.jsonName()))) {
                typeError(property, value).ifPresent(errors::add);
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        T value;
        try {
            value = mapper.treeToValue(input, definition.type());
        } catch (JacksonException ex) {
            throw invalid(List.of(new FieldError(pathOf(ex), firstLine(ex.getOriginalMessage()))));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw invalid(violations.stream()
                    .map(v -> new FieldError(wirePath(v.getPropertyPath()), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList());
        }
        ObjectNode stored = mapper.createObjectNode();
        ObjectNode known = mapper.valueToTree(value);
        known.properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                stored.set(e.getKey(), e.getValue());
            }
        });
        Set<String> names =
                properties.stream().map(RecordProperty::jsonName).collect(Collectors.toCollection(LinkedHashSet::new));
        input.properties().forEach(e -> {
            if (!names.contains(e.getKey()) && !stored.has(e.getKey())) {
                stored.set(e.getKey(), e.getValue());
            }
        });
        return new Bound<>(value, stored);
    }

    /**
     * The typed record of data that was stored earlier; data stored before a field got a default is completed.
     *
     * @throws ValidationFailedException when the stored data no longer fits the record
     */
    public T read(JsonNode storedData) {
        return bind(storedData).value();
    }

    /** Fills missing (or null) values with their defaults, inside nested records and lists of records too. */
    private void fillDefaults(ObjectNode node, List<RecordProperty> props, String path, List<FieldError> errors) {
        for (RecordProperty property : props) {
            String name = property.jsonName();
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                node.remove(name);
                Optional<JsonNode> fallback = annotatedDefault(property);
                if (fallback.isPresent()) {
                    value = fallback.get();
                    node.set(name, value);
                } else {
                    if (property.raw().isPrimitive()) {
                        errors.add(new FieldError(path + "." + name, "is required"));
                    }
                    continue;
                }
            }
            Class<?> raw = property.raw();
            if (raw.isRecord() && value instanceof ObjectNode nested) {
                fillDefaults(nested, RecordProperty.of(raw), path + "." + name, errors);
            } else if (Collection.class.isAssignableFrom(raw) && value.isArray()) {
                Class<?> element = JsonSchemaGenerator.rawClass(JsonSchemaGenerator.typeArgument(property.type(), 0));
                if (element.isRecord()) {
                    for (int i = 0; i < value.size(); i++) {
                        if (value.get(i) instanceof ObjectNode item) {
                            fillDefaults(item, RecordProperty.of(element), path + "." + name + "[" + i + "]", errors);
                        }
                    }
                }
            }
        }
    }

    private Optional<FieldError> typeError(RecordProperty property, JsonNode value) {
        JavaType javaType = mapper.constructType(property.type());
        try {
            mapper.treeToValue(value, javaType);
            return Optional.empty();
        } catch (JacksonException ex) {
            String expected = JsonSchemaGenerator.rawClass(property.type()).isRecord()
                    ? firstLine(ex.getOriginalMessage())
                    : "must be " + describe(property.type()) + ", got " + value;
            String nested = ex instanceof DatabindException databind
                            && !databind.getPath().isEmpty()
                    ? pathOf(ex)
                    : "";
            return Optional.of(
                    new FieldError("data." + property.jsonName() + (nested.isEmpty() ? "" : "." + nested), expected));
        }
    }

    private String describe(Type type) {
        Class<?> raw = JsonSchemaGenerator.rawClass(type);
        if (raw.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : raw.getEnumConstants()) {
                names.add(mapper.valueToTree(constant).asString());
            }
            return "one of " + names;
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "an integer";
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            return "a number";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "a boolean";
        }
        if (raw == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            return "an array of "
                    + JsonSchemaGenerator.rawClass(JsonSchemaGenerator.typeArgument(type, 0))
                            .getSimpleName();
        }
        return "a value of type " + raw.getSimpleName();
    }

    private Optional<JsonNode> annotatedDefault(RecordProperty property) {
        ConfigDefault annotation = property.annotation(ConfigDefault.class);
        if (annotation == null) {
            return Optional.empty();
        }
        Class<?> raw = property.raw();
        if (raw == String.class || raw.isEnum() || raw == char.class || raw == Character.class) {
            return Optional.of(mapper.getNodeFactory().stringNode(annotation.value()));
        }
        try {
            return Optional.of(mapper.readTree(annotation.value()));
        } catch (JacksonException ex) {
            throw new IllegalStateException(
                    "@ConfigDefault(\"%s\") on %s.%s is not valid JSON"
                            .formatted(annotation.value(), definition.type().getSimpleName(), property.javaName()),
                    ex);
        }
    }

    private ObjectNode computeDefaults() {
        try {
            return bind(mapper.createObjectNode()).data();
        } catch (ValidationFailedException ex) {
            log.warn(
                    "Config type {} has no default for every field ({}); POST /api/v1/configs with data {{}} will "
                            + "fail, and chap-core probes defaults that way",
                    definition.type().getName(),
                    ex.getMessage());
            ObjectNode partial = mapper.createObjectNode();
            fillDefaults(partial, properties, "data", new ArrayList<>());
            return partial;
        }
    }

    private void requireReservedFields() {
        Set<String> names = properties.stream().map(RecordProperty::jsonName).collect(Collectors.toSet());
        for (String reserved : List.of(BaseConfig.PREDICTION_PERIODS, BaseConfig.ADDITIONAL_CONTINUOUS_COVARIATES)) {
            if (!names.contains(reserved)) {
                throw new IllegalArgumentException("Config type %s must have a component named '%s' on the wire"
                        .formatted(definition.type().getName(), reserved));
            }
        }
    }

    private String wirePath(Path path) {
        StringBuilder result = new StringBuilder("data");
        Class<?> owner = definition.type();
        for (Path.Node node : path) {
            if (node.getName() == null) {
                continue;
            }
            String name = RecordProperty.snakeCase(node.getName());
            Class<?> next = Object.class;
            if (owner.isRecord()) {
                for (RecordProperty property : owner == definition.type() ? properties : RecordProperty.of(owner)) {
                    if (property.javaName().equals(node.getName())) {
                        name = property.jsonName();
                        next = JsonSchemaGenerator.rawClass(property.type());
                        if (Collection.class.isAssignableFrom(next)) {
                            next = JsonSchemaGenerator.rawClass(JsonSchemaGenerator.typeArgument(property.type(), 0));
                        }
                    }
                }
            }
            if (node.getIndex() != null) {
                result.append('[').append(node.getIndex()).append(']');
            }
            result.append('.').append(name);
            owner = next;
        }
        return result.toString();
    }

    private static String pathOf(JacksonException ex) {
        return ex instanceof DatabindException databind ? JacksonErrors.pathOf(databind) : "data";
    }

    private static String firstLine(String message) {
        return JacksonErrors.firstLine(message, "is invalid");
    }

    private static ValidationFailedException invalid(List<FieldError> errors) {
        return ValidationFailedException.invalid("config data", errors);
    }

    /**
     * Config data bound to its record.
     *
     * @param value the typed record
     * @param data the JSON to store and serve: the record's non-null values, then unknown keys as sent
     * @param <T> the config record
     */
    public record Bound<T>(T value, ObjectNode data) {}
}
