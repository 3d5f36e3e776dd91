package org.chapkit.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code POST} and {@code PUT /api/v1/webhooks}: fields left out (null) take their defaults on create and
 * keep their value on update.
 *
 * @param url where events are POSTed ({@code http} or {@code https}); required on create
 * @param secret the HMAC-SHA256 key (at least 16 characters); generated on create when left out
 * @param types event types to send (exact, or a prefix ending in {@code *}); empty or left out for all
 * @param enabled whether events are delivered (default true)
 * @param maxAttempts failed attempts before dead-lettering (default {@code chapkit.webhooks.max-attempts})
 * @param timeoutMillis timeout of one POST in milliseconds (default {@code chapkit.webhooks.timeout})
 * @param description free text
 */
public record WebhookIn(
        @JsonProperty("url") String url,
        @JsonProperty("secret") String secret,
        @JsonProperty("types") List<String> types,
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("max_attempts") Integer maxAttempts,
        @JsonProperty("timeout_ms") Long timeoutMillis,
        @JsonProperty("description") String description) {}
