/**
 * Inbound commands: {@code $train}, {@code $predict} and task {@code $execute} requests that arrive on a message queue
 * or topic instead of over HTTP, validated by the same managers as the REST API, run once per message id, and answered
 * with an event. Broker adapters (RabbitMQ, Kafka) hand messages to {@link org.chapkit.ml.command.CommandGateway}.
 */
package org.chapkit.ml.command;
