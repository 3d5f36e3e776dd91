package org.chapkit.autoconfigure.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the config feature.
 *
 * @param enabled whether configs are stored and served under {@code /api/v1/configs}
 * @param type fully qualified name of the config record (a {@code BaseConfig} record); ignored when the application
 *     declares a {@code ConfigDefinition} bean; chapkit's two reserved fields only when neither is given
 */
@ConfigurationProperties("chapkit.config")
public record ChapkitConfigProperties(@DefaultValue("true") boolean enabled, String type) {}
