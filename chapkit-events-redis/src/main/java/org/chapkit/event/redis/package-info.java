/** Delivers chapkit's event log to a Redis stream. */
package org.chapkit.event.redis;
