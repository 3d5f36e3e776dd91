package org.chapkit.taskrun;

import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Set;
import org.chapkit.config.BaseConfig;
import org.chapkit.config.Config;
import org.chapkit.config.ConfigManager;
import org.chapkit.id.Ulids;
import org.chapkit.problem.FieldError;
import org.chapkit.task.TaskInvocation;
import org.chapkit.task.TaskParameterResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Injects the service's config, chosen by the call's {@value #PARAM} param: a parameter of the user's config type
 * (or a supertype such as {@link BaseConfig}) receives its typed data, a {@link Config} parameter the whole stored
 * config. The {@value #PARAM} key is checked before any job exists: required, a ULID, and an existing config.
 */
public class ConfigParameterResolver implements TaskParameterResolver {

    /** The JSON params key naming the config. */
    public static final String PARAM = "config_id";

    private final ConfigManager<?> configs;

    public ConfigParameterResolver(ConfigManager<?> configs) {
        this.configs = configs;
    }

    @Override
    public boolean supports(Parameter parameter) {
        Class<?> type = parameter.getType();
        return type == Config.class
                || (BaseConfig.class.isAssignableFrom(type)
                        && type.isAssignableFrom(configs.type().type()));
    }

    @Override
    public Set<String> claimedParams(Parameter parameter) {
        return Set.of(PARAM);
    }

    @Override
    public void check(Parameter parameter, ObjectNode params, List<FieldError> errors) {
        String field = "params." + PARAM;
        if (errors.stream().anyMatch(e -> e.field().equals(field))) {
            return; // a second config parameter of the same task: reported once
        }
        JsonNode value = params.get(PARAM);
        if (value == null || value.isNull()) {
            errors.add(new FieldError(field, "is required"));
        } else if (!value.isString() || !Ulids.isValid(value.asString())) {
            errors.add(new FieldError(field, "must be a config id (a ULID)"));
        } else if (!configs.exists(Ulids.requireValid(value.asString()))) {
            errors.add(new FieldError(field, "config " + value.asString() + " not found"));
        }
    }

    @Override
    public Object resolve(Parameter parameter, TaskInvocation invocation) {
        String id = Ulids.requireValid(invocation.params().get(PARAM).asString());
        Config<?> config = configs.getTyped(id);
        return parameter.getType() == Config.class ? config : config.data();
    }
}
