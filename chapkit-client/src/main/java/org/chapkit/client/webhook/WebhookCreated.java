package org.chapkit.client.webhook;

/**
 * A new endpoint and its signing secret, which the service shows only in this answer.
 *
 * @param webhook the endpoint
 * @param secret the secret its signatures are made with
 */
public record WebhookCreated(Webhook webhook, String secret) {}
