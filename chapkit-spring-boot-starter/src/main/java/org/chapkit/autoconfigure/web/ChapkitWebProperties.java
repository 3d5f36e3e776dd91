package org.chapkit.autoconfigure.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Web settings of a chapkit service.
 *
 * @param maxRequestSize largest accepted request body; larger bodies get 413 problem+json (binary artifact uploads
 *     have their own limit)
 * @param sseMinPollInterval smallest poll interval an SSE client may ask for
 */
@ConfigurationProperties("chapkit.web")
public record ChapkitWebProperties(
        @DefaultValue("10MB") DataSize maxRequestSize,
        @DefaultValue("100ms") Duration sseMinPollInterval) {}
