package org.chapkit.task.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ValidationFailedException;
import org.chapkit.task.BoundTaskParams;
import org.chapkit.task.TaskDefinition;
import org.chapkit.task.TaskParameter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binds a call's JSON {@code params} to a task's parameters by name with Jackson and validates them with Bean
 * Validation (constraints on the method's parameters, cascading into records marked {@code @Valid}). Every
 * problem becomes a {@link FieldError} named {@code params.<name>}; any problem fails the whole call with a 400.
 */
public class TaskParameterBinder {

    private final ObjectMapper mapper;
    private final Validator validator;

    /**
     * @param mapper the mapper used for the REST API
     * @param validator Bean Validation validator, or null to skip constraint checks
     */
    public TaskParameterBinder(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /**
     * Binds and validates {@code params} (null means no params).
     *
     * @throws ValidationFailedException naming every missing, unknown or invalid parameter
     */
    public BoundTaskParams bind(TaskDefinition task, JsonNode params) {
        if (params != null && !params.isNull() && !params.isMissingNode() && !params.isObject()) {
            throw new ValidationFailedException(
                    "The params of task '" + task.name() + "' must be a JSON object",
                    List.of(new FieldError("params", "must be a JSON object")));
        }
        ObjectNode object =
                params == null || !params.isObject() ? mapper.createObjectNode() : (ObjectNode) params.deepCopy();
        List<FieldError> errors = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        Set<String> known = new LinkedHashSet<>();
        Object[] arguments = new Object[task.parameters().size()];
        for (TaskParameter parameter : task.parameters()) {
            if (parameter.injected()) {
                known.addAll(parameter.injectedBy().claimedParams(parameter.parameter()));
                parameter.injectedBy().check(parameter.parameter(), object, errors);
                continue;
            }
            known.add(parameter.name());
            JsonNode value = object.get(parameter.name());
            if (value == null || value.isNull()) {
                if (parameter.required()) {
                    errors.add(new FieldError(field(parameter.name()), "is required"));
                    failed.add(parameter.name());
                }
                continue;
            }
            try {
                arguments[parameter.index()] = mapper.readerFor(mapper.constructType(parameter.genericType()))
                        .readValue(value);
            } catch (JacksonException ex) {
                errors.add(new FieldError(
                        field(parameter.name()),
                        "invalid value: "
                                + org.chapkit.problem.JacksonErrors.firstLine(ex.getOriginalMessage(), "unreadable")));
                failed.add(parameter.name());
            }
        }
        for (String key : object.propertyNames()) {
            if (!known.contains(key)) {
                errors.add(new FieldError(
                        field(key), "unknown parameter; task '" + task.name() + "' takes " + describe(known)));
            }
        }
        if (validator != null) {
            for (ConstraintViolation<Object> violation :
                    validator.forExecutables().validateParameters(task.bean(), task.method(), arguments)) {
                addViolation(task, violation, failed, errors);
            }
        }
        if (!errors.isEmpty()) {
            // In parameter order, so the answer does not depend on the validator's unordered violation set.
            errors.sort(Comparator.comparingInt((FieldError e) -> position(task, e.field()))
                    .thenComparing(FieldError::field));
            throw ValidationFailedException.invalid("params for task '" + task.name() + "'", errors);
        }
        return new BoundTaskParams(task, object, Arrays.asList(arguments));
    }

    private static void addViolation(
            TaskDefinition task, ConstraintViolation<Object> violation, Set<String> failed, List<FieldError> errors) {
        StringBuilder path = new StringBuilder();
        TaskParameter parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter =
                        task.parameters().get(node.as(Path.ParameterNode.class).getParameterIndex());
                path.append(field(parameter.name()));
            } else if (parameter != null) {
                if (node.getIndex() != null) {
                    path.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    path.append('[').append(node.getKey()).append(']');
                }
                if (node.getKind() == ElementKind.PROPERTY) {
                    path.append('.').append(node.getName());
                }
            }
        }
        if (parameter == null || parameter.injected() || failed.contains(parameter.name())) {
            return;
        }
        errors.add(new FieldError(path.toString(), violation.getMessage()));
    }

    private static int position(TaskDefinition task, String field) {
        for (TaskParameter parameter : task.parameters()) {
            Set<String> keys = parameter.injected()
                    ? parameter.injectedBy().claimedParams(parameter.parameter())
                    : Set.of(parameter.name());
            for (String key : keys) {
                String name = field(key);
                if (field.equals(name) || field.startsWith(name + ".") || field.startsWith(name + "[")) {
                    return parameter.index();
                }
            }
        }
        return Integer.MAX_VALUE;
    }

    private static String field(String name) {
        return "params." + name;
    }

    private static String describe(Set<String> known) {
        return known.isEmpty() ? "no params" : String.join(", ", known);
    }
}
