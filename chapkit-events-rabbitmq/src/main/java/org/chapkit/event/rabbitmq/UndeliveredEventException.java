package org.chapkit.event.rabbitmq;

import org.chapkit.event.EventEnvelope;

/** RabbitMQ did not take an event: it nacked it or its confirm failed. The outbox retries the event. */
public final class UndeliveredEventException extends Exception {

    private static final long serialVersionUID = 1L;

    UndeliveredEventException(EventEnvelope event, String reason) {
        super("Event " + event.id() + " (" + event.type() + ") not delivered to RabbitMQ: " + reason);
    }

    UndeliveredEventException(EventEnvelope event, String reason, Throwable cause) {
        super("Event " + event.id() + " (" + event.type() + ") not delivered to RabbitMQ: " + reason, cause);
    }
}
