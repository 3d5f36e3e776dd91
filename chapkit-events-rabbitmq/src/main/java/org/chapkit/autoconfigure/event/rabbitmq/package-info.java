/** Auto-configuration of the RabbitMQ event destination and the RabbitMQ command queue. */
package org.chapkit.autoconfigure.event.rabbitmq;
