package org.chapkit.autoconfigure.config;

/** {@code chapkit.config.type} names no usable config record; stops start-up. */
public class InvalidConfigTypeException extends IllegalStateException {

    private final String configuredType;

    /**
     * An unusable {@code chapkit.config.type}.
     *
     * @param configuredType the configured class name
     * @param cause why it cannot be used
     */
    public InvalidConfigTypeException(String configuredType, IllegalArgumentException cause) {
        super("Invalid chapkit.config.type '" + configuredType + "': " + cause.getMessage(), cause);
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
