package org.chapkit.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chapkit.problem.NotFoundException;

/**
 * The service's config types: the default one ({@code /api/v1/configs}, the record of {@code chapkit.config.type} or
 * a {@link ConfigDefinition} bean) first, then every {@link AdditionalConfigType}, each with its own
 * {@link ConfigManager}. The Java API to a type's configs: {@code configTypes.manager("ensemble",
 * EnsembleConfig.class).getTyped(id)}.
 */
public final class ConfigTypes {

    /** The name of the service's default config type (the {@code configs.config_type} of existing configs). */
    public static final String DEFAULT_TYPE = "default";

    private static final String DEFAULT_PATH = "/api/v1/configs";

    private final Map<String, ConfigManager<?>> managers = new LinkedHashMap<>();

    /**
     * @param defaultType the manager of the default type; its {@link ConfigManager#typeName()} is
     *     {@value #DEFAULT_TYPE}
     * @param additional the managers of the other types, in the order to list them
     * @throws IllegalArgumentException when two managers serve the same type name or the first is not the default
     */
    public ConfigTypes(ConfigManager<?> defaultType, List<? extends ConfigManager<?>> additional) {
        if (!DEFAULT_TYPE.equals(defaultType.typeName())) {
            throw new IllegalArgumentException(
                    "The default config manager serves type '" + defaultType.typeName() + "', not " + DEFAULT_TYPE);
        }
        managers.put(DEFAULT_TYPE, defaultType);
        for (ConfigManager<?> manager : additional) {
            AdditionalConfigType.requireValidName(manager.typeName());
            if (managers.putIfAbsent(manager.typeName(), manager) != null) {
                throw new IllegalArgumentException("Config type '" + manager.typeName() + "' is declared twice");
            }
        }
    }

    /**
     * Where the configs of a type are served.
     *
     * @param typeName a config type's name
     * @return {@code /api/v1/configs} for the default type, {@code /api/v1/config-types/{type}/configs} otherwise
     */
    public static String collectionPath(String typeName) {
        return DEFAULT_TYPE.equals(typeName) ? DEFAULT_PATH : "/api/v1/config-types/" + typeName + "/configs";
    }

    /**
     * The names of the types, the default first.
     *
     * @return the names
     */
    public List<String> names() {
        return List.copyOf(managers.keySet());
    }

    /**
     * Every type's manager, the default first.
     *
     * @return the managers
     */
    public List<ConfigManager<?>> managers() {
        return new ArrayList<>(managers.values());
    }

    /**
     * The manager of the default type, the one {@code /api/v1/configs} serves.
     *
     * @return that manager
     */
    public ConfigManager<?> defaultType() {
        return managers.get(DEFAULT_TYPE);
    }

    /**
     * The manager of a type, if the service has it.
     *
     * @param name the type's name
     * @return its manager
     */
    public Optional<ConfigManager<?>> find(String name) {
        return Optional.ofNullable(managers.get(name));
    }

    /**
     * The manager of a type.
     *
     * @param name the type's name
     * @return its manager
     * @throws NotFoundException (404) when the service has no such type; the detail names those it has
     */
    public ConfigManager<?> get(String name) {
        return find(name)
                .orElseThrow(() -> new NotFoundException(
                        "Config type '" + name + "' not found; this service has " + String.join(", ", names())));
    }

    /**
     * The manager of a type, typed by its record.
     *
     * @param name the type's name
     * @param type the type's config record
     * @param <T> the config record
     * @return its manager
     * @throws NotFoundException when the service has no such type
     * @throws IllegalArgumentException when the type's record is not {@code type}
     */
    @SuppressWarnings("unchecked")
    public <T extends BaseConfig> ConfigManager<T> manager(String name, Class<T> type) {
        ConfigManager<?> manager = get(name);
        if (!manager.type().type().equals(type)) {
            throw new IllegalArgumentException(
                    "Config type '" + name + "' is " + manager.type().type().getName() + ", not " + type.getName());
        }
        return (ConfigManager<T>) manager;
    }
}
