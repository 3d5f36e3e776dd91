package org.chapkit.autoconfigure.info;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of chapkit's info endpoint.
 *
 * @param enabled whether chapkit serves the service info at {@code /api/v1/info} (the info itself, {@code chapkit.service.*}, is built either way: registration sends it)
 */
@ConfigurationProperties("chapkit.info")
public record ChapkitInfoProperties(@DefaultValue("true") boolean enabled) {}
