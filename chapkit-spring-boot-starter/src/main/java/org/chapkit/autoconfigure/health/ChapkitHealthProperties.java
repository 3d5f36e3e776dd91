package org.chapkit.autoconfigure.health;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of chapkit's health endpoint.
 *
 * @param enabled whether chapkit serves {@code /health} and {@code /health/$stream}
 */
@ConfigurationProperties("chapkit.health")
public record ChapkitHealthProperties(@DefaultValue("true") boolean enabled) {}
