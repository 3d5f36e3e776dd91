/** Access to the webhook endpoints ({@code /api/v1/webhooks}, admin role when security is on). */
package org.chapkit.client.webhook;
