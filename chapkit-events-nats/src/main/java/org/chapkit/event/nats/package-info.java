/** Delivers chapkit's event log to a NATS JetStream stream. */
package org.chapkit.event.nats;
