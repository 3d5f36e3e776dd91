/** Auto-configuration of the NATS JetStream event destination. */
package org.chapkit.autoconfigure.event.nats;
