package org.chapkit.autoconfigure.json;

import tools.jackson.databind.json.JsonMapper;

/**
 * Adjusts the builder of {@link ChapkitJsonMapper}, the mapper chapkit stores JSON with (for example to register a
 * module for a type your config records or job payloads hold). Beans of this type are applied in
 * {@link org.springframework.core.annotation.Order @Order}; the application's {@code spring.jackson.*} settings are
 * not.
 */
@FunctionalInterface
public interface ChapkitJsonMapperCustomizer {

    /**
     * Customizes the builder before the mapper is built.
     *
     * @param builder the builder
     */
    void customize(JsonMapper.Builder builder);
}
