/** Auto-configuration of the Kafka event destination and the Kafka command topic. */
package org.chapkit.autoconfigure.event.kafka;
