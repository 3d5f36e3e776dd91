package org.chapkit.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The answer to {@code POST /api/v1/webhooks}: the endpoint and, this once, its secret.
 *
 * @param endpoint the endpoint
 * @param secret the HMAC-SHA256 key receivers verify {@code X-Chapkit-Signature} with
 */
public record WebhookCreated(
        @JsonUnwrapped WebhookEndpoint endpoint,
        @JsonProperty("secret") String secret) {}
