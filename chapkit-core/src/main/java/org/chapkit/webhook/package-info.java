/**
 * Webhooks: HTTP POST of every event (or of the types an endpoint asks for) to endpoints managed over
 * {@code /api/v1/webhooks}, signed with HMAC-SHA256, retried with backoff, dead-lettered after the endpoint's
 * attempts.
 */
package org.chapkit.webhook;
