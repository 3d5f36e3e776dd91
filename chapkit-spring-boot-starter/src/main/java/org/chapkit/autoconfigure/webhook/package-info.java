/** Auto-configuration of webhooks: {@code /api/v1/webhooks} and each endpoint as an event destination. */
package org.chapkit.autoconfigure.webhook;
