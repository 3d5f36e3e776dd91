package org.chapkit.config;

import java.util.Objects;

/**
 * Declares a service's config type. Register one as a bean (or name the record in {@code chapkit.config.type}); the
 * name is for the day a service has several config types and is the record's simple name by default.
 *
 * @param type the config record, which implements {@link BaseConfig}
 * @param name a short name of the config type, used as the JSON Schema {@code title}
 * @param <T> the config record
 */
public record ConfigDefinition<T extends BaseConfig>(Class<T> type, String name) {

    public ConfigDefinition {
        Objects.requireNonNull(type, "type");
        if (!type.isRecord()) {
            throw new IllegalArgumentException("A config type must be a record: " + type.getName());
        }
        if (name == null || name.isBlank()) {
            name = type.getSimpleName();
        }
    }

    /** A definition named after the record. */
    public static <T extends BaseConfig> ConfigDefinition<T> of(Class<T> type) {
        return new ConfigDefinition<>(type, type.getSimpleName());
    }

    /**
     * A definition for a class named in configuration.
     *
     * @throws IllegalArgumentException when the class does not exist or is not a {@link BaseConfig} record
     */
    public static ConfigDefinition<? extends BaseConfig> forClassName(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException ex) {
            throw new IllegalArgumentException("Config type " + className + " not found on the class path", ex);
        }
        if (!BaseConfig.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(
                    "Config type " + className + " must implement " + BaseConfig.class.getName());
        }
        return of(type.asSubclass(BaseConfig.class));
    }
}
