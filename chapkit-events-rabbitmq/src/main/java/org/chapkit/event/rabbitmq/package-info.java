/** Delivers chapkit's event log to a RabbitMQ topic exchange. */
package org.chapkit.event.rabbitmq;
