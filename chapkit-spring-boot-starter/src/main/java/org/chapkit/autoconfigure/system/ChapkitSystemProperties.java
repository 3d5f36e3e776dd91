package org.chapkit.autoconfigure.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of chapkit's system endpoints.
 *
 * @param enabled whether chapkit serves {@code /api/v1/system} and {@code /api/v1/system/apps}
 */
@ConfigurationProperties("chapkit.system")
public record ChapkitSystemProperties(@DefaultValue("true") boolean enabled) {}
