package org.chapkit.event.rabbitmq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.chapkit.event.EventDestination;
import org.chapkit.event.EventEnvelope;
import org.chapkit.event.PartialDeliveryException;
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
 * retries the same event before any later one. A batch ({@link #deliverAll(List)}) is published on one channel, in
 * order, and its confirms are awaited together: it counts as delivered up to the first event not confirmed.
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
     * Publishes the batch on one channel (so in order) and then waits, within {@code confirm-timeout}, for the
     * broker's confirm of each: the batch is delivered up to the first event that was nacked, not confirmed in time,
     * or not sent (a lost connection). Events after that one are sent again with it (consumers drop the copies by
     * {@code message-id}).
     *
     * @param events the events, in log order
     * @throws PartialDeliveryException when not every event was confirmed: how many from the start were
     */
    @Override
    public void deliverAll(List<EventEnvelope> events) throws PartialDeliveryException {
        List<CorrelationData> sent = new ArrayList<>(events.size());
        RuntimeException sendFailure = null;
        try {
            if (declare && !declared) {
                admin.declareExchange(new TopicExchange(exchange, true, false));
                declared = true;
            }
            template.invoke(operations -> {
                for (EventEnvelope event : events) {
                    CorrelationData correlation = new CorrelationData(event.id());
                    operations.send(exchange, event.type(), message(event), correlation);
                    sent.add(correlation);
                }
                return null;
            });
        } catch (AmqpException ex) {
            declared = false;
            sendFailure = ex;
        }
        long deadline = System.nanoTime() + confirmTimeout.toNanos();
        for (int i = 0; i < sent.size(); i++) {
            EventEnvelope event = events.get(i);
            try {
                CorrelationData.Confirm confirm =
                        sent.get(i).getFuture().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (!confirm.ack()) {
                    declared = false;
                    throw new PartialDeliveryException(
                            i, new UndeliveredEventException(event, "the broker nacked it: " + confirm.reason()));
                }
            } catch (ExecutionException ex) {
                declared = false;
                throw new PartialDeliveryException(
                        i, new UndeliveredEventException(event, "the confirm failed: " + ex.getCause(), ex.getCause()));
            } catch (TimeoutException ex) {
                declared = false;
                throw new PartialDeliveryException(
                        i,
                        new UndeliveredEventException(
                                event, "no confirm within " + confirmTimeout.toMillis() + " ms", ex));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new PartialDeliveryException(i, ex);
            }
        }
        if (sent.size() < events.size()) {
            throw new PartialDeliveryException(sent.size(), sendFailure);
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
