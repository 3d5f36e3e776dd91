package org.chapkit.event.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.chapkit.event.EventEnvelope;
import org.chapkit.events.test.Brokers;
import org.chapkit.events.test.Envelopes;
import org.chapkit.events.test.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/** The destination alone against the real broker: the message it publishes, and a failed delivery when the broker is away. */
class RabbitEventDestinationTests {

    private static final String exchange = "chapkit-events.destination-test-" + System.nanoTime();
    private static TcpProxy proxy;
    private static CachingConnectionFactory consumerConnections;
    private static RabbitEventDestination destination;
    private static Queue queue;

    @BeforeAll
    static void connect() {
        Brokers.require("RabbitMQ", "127.0.0.1", 5672);
        proxy = new TcpProxy("127.0.0.1", 5672);
        CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", proxy.port());
        destination = new RabbitEventDestination(connections, exchange, true, Duration.ofSeconds(3));
        consumerConnections = new CachingConnectionFactory("127.0.0.1", 5672);
        RabbitAdmin admin = new RabbitAdmin(consumerConnections);
        TopicExchange topic = new TopicExchange(exchange, true, false);
        admin.declareExchange(topic);
        queue = new Queue(exchange + ".queue", false, false, false);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(topic).with("org.chapkit.job.*"));
    }

    @AfterAll
    static void close() {
        if (destination != null) {
            destination.close();
            new RabbitAdmin(consumerConnections).deleteQueue(exchange + ".queue");
            new RabbitAdmin(consumerConnections).deleteExchange(exchange);
            consumerConnections.destroy();
            proxy.close();
        }
    }

    @Test
    void publishesThePersistentCloudEventWithTheTypeAsRoutingKeyAndTheIdAsMessageId() throws Exception {
        EventEnvelope event = Envelopes.of("org.chapkit.job.completed", "jobs/one", 3);

        destination.deliver(event);

        Message message = new RabbitTemplate(consumerConnections).receive(queue.getName(), 5000);
        assertThat(message).isNotNull();
        assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo(event.toJson());
        assertThat(message.getMessageProperties().getReceivedRoutingKey()).isEqualTo("org.chapkit.job.completed");
        assertThat(message.getMessageProperties().getMessageId()).isEqualTo(event.id());
        assertThat(message.getMessageProperties().getContentType()).isEqualTo("application/cloudevents+json");
        assertThat(message.getMessageProperties().getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(message.getMessageProperties().<String>getHeader("subject")).isEqualTo("jobs/one");
    }

    @Test
    void aDeliveryWhileTheBrokerIsAwayFailsAndTheNextOneAfterItCameBackSucceeds() throws Exception {
        proxy.cut();
        try {
            assertThatThrownBy(() -> destination.deliver(Envelopes.of("org.chapkit.job.started", "jobs/two", 1)))
                    .isInstanceOf(Exception.class);
        } finally {
            proxy.restore();
        }
        EventEnvelope retried = Envelopes.of("org.chapkit.job.started", "jobs/two", 1);

        destination.deliver(retried);

        Message message = new RabbitTemplate(consumerConnections).receive(queue.getName(), 5000);
        assertThat(message).isNotNull();
        assertThat(message.getMessageProperties().getMessageId()).isEqualTo(retried.id());
    }
}
