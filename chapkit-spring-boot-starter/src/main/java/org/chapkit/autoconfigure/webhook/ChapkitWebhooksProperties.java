package org.chapkit.autoconfigure.webhook;

import java.time.Duration;
import org.chapkit.webhook.WebhookSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of webhooks ({@code chapkit.webhooks.*}).
 *
 * @param enabled whether {@code /api/v1/webhooks} is served and its endpoints get events (needs
 *     {@code chapkit.events.enabled})
 * @param maxAttempts failed attempts of one event before it goes to the dead-letter table, for endpoints created
 *     without {@code max_attempts}
 * @param timeout how long one POST may take (connect and answer), for endpoints created without {@code timeout_ms}
 * @param initialBackoff wait after an endpoint's first failed attempt
 * @param maxBackoff longest wait between attempts
 * @param multiplier growth of the wait per failed attempt
 */
@ConfigurationProperties("chapkit.webhooks")
public record ChapkitWebhooksProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("10m") Duration maxBackoff,
        @DefaultValue("2.0") double multiplier) {

    WebhookSettings toSettings() {
        return new WebhookSettings(maxAttempts, timeout, initialBackoff, maxBackoff, multiplier);
    }
}
