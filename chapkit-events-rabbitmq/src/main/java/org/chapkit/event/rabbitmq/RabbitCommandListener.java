package org.chapkit.event.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.chapkit.ml.command.CommandGateway;
import org.chapkit.ml.command.CommandOutcome;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes inbound commands from a queue: each message goes to the {@link CommandGateway} under its AMQP {@code
 * message-id}; a rejected one is republished, unchanged, to the dead-letter queue with its reason as the {@code
 * x-chapkit-reason} header (the problem JSON). It runs on a transacted channel, so the dead-letter publish and the
 * acknowledgement commit together, and a failure of chapkit itself (the database away) rolls both back: the broker
 * delivers the message again.
 */
public final class RabbitCommandListener implements ChannelAwareMessageListener {

    /** The header holding a dead-lettered message's reason. */
    public static final String REASON_HEADER = "x-chapkit-reason";

    private final CommandGateway gateway;
    private final String channelName;
    private final String deadLetterQueue;
    private final JsonMapper json;

    /**
     * Creates the listener.
     *
     * @param gateway runs the commands
     * @param queue the queue the messages come from (names the channel: {@code rabbitmq:<queue>})
     * @param deadLetterQueue where rejected messages go
     * @param json writes the reasons
     */
    public RabbitCommandListener(CommandGateway gateway, String queue, String deadLetterQueue, JsonMapper json) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.channelName = "rabbitmq:" + Objects.requireNonNull(queue, "queue");
        this.deadLetterQueue = Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void onMessage(Message message, Channel channel) throws Exception {
        String messageId = message.getMessageProperties().getMessageId();
        CommandOutcome outcome = gateway.handle(channelName, messageId, message.getBody());
        if (outcome instanceof CommandOutcome.Rejected rejected) {
            Map<String, Object> headers =
                    new HashMap<>(message.getMessageProperties().getHeaders());
            headers.put(REASON_HEADER, json.writeValueAsString(rejected.reason()));
            headers.put("x-chapkit-channel", channelName);
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                    .messageId(messageId)
                    .contentType(message.getMessageProperties().getContentType())
                    .deliveryMode(2)
                    .headers(headers)
                    .build();
            channel.basicPublish("", deadLetterQueue, properties, message.getBody());
        }
    }

    /**
     * The channel name this listener's messages are de-duplicated under.
     *
     * @return {@code rabbitmq:<queue>}
     */
    public String channelName() {
        return channelName;
    }

    @Override
    public String toString() {
        return "RabbitCommandListener[" + channelName + " → " + deadLetterQueue + "]";
    }
}
