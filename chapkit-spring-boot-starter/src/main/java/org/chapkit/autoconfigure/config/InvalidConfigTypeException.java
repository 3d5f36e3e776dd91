package org.chapkit.autoconfigure.config;

/** {@code chapkit.config.type} (or an additional type's property) names no usable config record; stops start-up. */
public class InvalidConfigTypeException extends IllegalStateException {

    private final String configuredType;

    /**
     * An unusable {@code chapkit.config.type}.
     *
     * @param configuredType the configured class name
     * @param cause why it cannot be used
     */
    public InvalidConfigTypeException(String configuredType, IllegalArgumentException cause) {
        this("chapkit.config.type", configuredType, cause);
    }

    /**
     * An unusable config type property.
     *
     * @param property the property naming the class ({@code chapkit.config.additional-types.<name>})
     * @param configuredType the configured class name
     * @param cause why it cannot be used
     */
    public InvalidConfigTypeException(String property, String configuredType, IllegalArgumentException cause) {
        super("Invalid " + property + " '" + configuredType + "': " + cause.getMessage(), cause);
        this.configuredType = configuredType;
    }

    /**
     * The configured class name.
     *
     * @return the value of {@code chapkit.config.type}
     */
    public String configuredType() {
        return configuredType;
    }
}
