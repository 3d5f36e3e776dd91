/** The webhooks' JDBC store and HTTP controller, public only so that the starter can build them. */
package org.chapkit.webhook.internal;
