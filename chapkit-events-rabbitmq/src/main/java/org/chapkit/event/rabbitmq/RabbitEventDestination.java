package org.chapkit.event.rabbitmq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.chapkit.event.EventDestination;
import org.chapkit.event.EventEnvelope;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes each event to a durable topic exchange with the event's type as routing key ({@code org.chapkit.job.completed}
 * — bind {@code org.chapkit.job.*} or {@code #}), the event id as AMQP {@code message-id} and the CloudEvents JSON as the
 * persistent body. {@link #deliver} returns only when the broker has confirmed the message (publisher confirms), so the
 * outbox marks an event delivered once RabbitMQ has it; a nack, a timeout or a lost connection throws and the outbox
 * retries the same event before any later one.
 *
 * <p>The destination owns its connection factory (a connection of its own in {@code CORRELATED} confirm mode, which
 * a shared channel cache cannot switch on per channel) and closes it with {@link #close()}. The exchange is declared
 * on the first delivery and again after a failure, so the service starts while the broker is down.
 */
public final class RabbitEventDestination implements EventDestination, AutoCloseable {

    /** The destination's name: it keys the delivery state in the database and tags the metrics. */
    public static final String NAME = "rabbitmq";

    private final CachingConnectionFactory connections;
    private final RabbitTemplate template;
    private final RabbitAdmin admin;
    private final String exchange;
    private final boolean declare;
    private final Duration confirmTimeout;
    private volatile boolean declared;

    /**
     * Creates the destination.
     *
     * @param connections a connection factory of the destination's own; its publisher confirm type is set to
     *     {@code CORRELATED} here, and it is closed with the destination
     * @param exchange the topic exchange events go to
     * @param declare whether to declare the exchange (durable topic) before publishing
     * @param confirmTimeout how long to wait for the broker's confirm of one event
     */
    public RabbitEventDestination(
            CachingConnectionFactory connections, String exchange, boolean declare, Duration confirmTimeout) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.declare = declare;
        this.confirmTimeout = Objects.requireNonNull(confirmTimeout, "confirmTimeout");
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        this.template = new RabbitTemplate(connections);
        this.admin = new RabbitAdmin(connections);
        admin.setAutoStartup(false);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The exchange events go to.
     *
     * @return its name
     */
    public String exchange() {
        return exchange;
    }

    @Override
    public void deliver(EventEnvelope event) throws InterruptedException, TimeoutException, UndeliveredEventException {
        if (declare && !declared) {
            admin.declareExchange(new TopicExchange(exchange, true, false));
            declared = true;
        }
        CorrelationData correlation = new CorrelationData(event.id());
        try {
            template.send(exchange, event.type(), message(event), correlation);
            CorrelationData.Confirm confirm =
                    correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!confirm.ack()) {
                throw new UndeliveredEventException(event, "the broker nacked it: " + confirm.reason());
            }
        } catch (ExecutionException ex) {
            declared = false;
            throw new UndeliveredEventException(event, "the confirm failed: " + ex.getCause(), ex.getCause());
        } catch (AmqpException | TimeoutException ex) {
            declared = false;
            throw ex;
        }
    }

    /**
     * The AMQP message of an event: persistent, {@code application/cloudevents+json}, message id = event id, type =
     * event type, app id = event source, timestamp = event time, and the subject and sequence as headers.
     *
     * @param event the event
     * @return the message
     */
    static Message message(EventEnvelope event) {
        return MessageBuilder.withBody(event.toJson().getBytes(StandardCharsets.UTF_8))
                .setContentType(EventEnvelope.MEDIA_TYPE)
                .setContentEncoding(StandardCharsets.UTF_8.name())
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setMessageId(event.id())
                .setType(event.type())
                .setAppId(event.source())
                .setTimestamp(Date.from(event.time()))
                .setHeader("subject", event.subject())
                .setHeader("sequence", event.sequence())
                .build();
    }

    @Override
    public void close() {
        connections.destroy();
    }
}
