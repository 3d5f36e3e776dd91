package org.chapkit.autoconfigure.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of chapkit's OpenAPI document.
 *
 * @param enabled whether chapkit describes the service in the OpenAPI document (title, version, tags) and serves {@code /openapi.json} and {@code /docs}
 */
@ConfigurationProperties("chapkit.openapi")
public record ChapkitOpenApiProperties(@DefaultValue("true") boolean enabled) {}
