/** Delivers chapkit's event log to a Kafka topic. */
package org.chapkit.event.kafka;
