package org.chapkit.autoconfigure.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the config feature.
 *
 * @param enabled whether configs are stored and served under {@code /api/v1/configs}
 * @param type fully qualified name of the config record (a {@code BaseConfig} record); ignored when the application
 *     declares a {@code ConfigDefinition} bean; chapkit's two reserved fields only when neither is given
 * @param additionalTypes config types beyond the default one, by name (lower-case letters, digits, {@code -},
 *     {@code _}): the fully qualified name of each type's {@code BaseConfig} record; served under
 *     {@code /api/v1/config-types/{name}/configs}, after the {@code AdditionalConfigType} beans
 */
@ConfigurationProperties("chapkit.config")
public record ChapkitConfigProperties(
        @DefaultValue("true") boolean enabled, String type, Map<String, String> additionalTypes) {

    /** Keeps the additional types in the order configured. */
    public ChapkitConfigProperties {
        additionalTypes = additionalTypes == null ? Map.of() : new LinkedHashMap<>(additionalTypes);
    }
}
