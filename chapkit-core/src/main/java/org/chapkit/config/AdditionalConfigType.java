package org.chapkit.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Declares a config type beyond the service's default one: register one as a bean per type (or name it in
 * {@code chapkit.config.additional-types.<name>}). Its configs are served under
 * {@code /api/v1/config-types/{name}/configs}, validated against its own record's schema, while
 * {@code /api/v1/configs} keeps serving the default type. Like the default type, the record implements
 * {@link BaseConfig}, so any config of the service can be read as one.
 *
 * <pre>{@code
 * @Bean
 * AdditionalConfigType<EnsembleConfig> ensembleConfigs() {
 *     return new AdditionalConfigType<>("ensemble", EnsembleConfig.class);
 * }
 * }</pre>
 *
 * @param name the type's name in URLs and in the {@code configs.config_type} column: lower-case letters, digits,
 *     {@code -} and {@code _}, at most 64 characters, not {@value ConfigTypes#DEFAULT_TYPE}
 * @param type the config record
 * @param <T> the config record
 */
public record AdditionalConfigType<T extends BaseConfig>(String name, Class<T> type) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /** Checks the name and the record. */
    public AdditionalConfigType {
        Objects.requireNonNull(type, "type");
        requireValidName(name);
        if (ConfigTypes.DEFAULT_TYPE.equals(name)) {
            throw new IllegalArgumentException("Config type name '" + ConfigTypes.DEFAULT_TYPE
                    + "' is the service's default type (chapkit.config.type or a ConfigDefinition bean)");
        }
        if (!type.isRecord()) {
            throw new IllegalArgumentException("A config type must be a record: " + type.getName());
        }
    }

    /**
     * The type named {@code name} for a class named in configuration.
     *
     * @param name the type's name
     * @param className the record's fully qualified class name
     * @param loader where to look the class up
     * @return the declaration
     * @throws IllegalArgumentException when the class does not exist or is not a {@link BaseConfig} record
     */
    public static AdditionalConfigType<? extends BaseConfig> forClassName(
            String name, String className, ClassLoader loader) {
        return new AdditionalConfigType<>(
                name, ConfigDefinition.forClassName(className, loader).type());
    }

    /**
     * The definition the type's schema is made from (titled after the record).
     *
     * @return the definition
     */
    public ConfigDefinition<T> definition() {
        return ConfigDefinition.of(type);
    }

    static String requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Config type name '" + name
                    + "' must be 1 to 64 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        return name;
    }
}
