/** Auto-configuration of domain events: the event log (outbox), its dispatcher and {@code /api/v1/events}. */
package org.chapkit.autoconfigure.event;
