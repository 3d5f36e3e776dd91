package org.chapkit.event.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** One in-JVM KRaft broker (spring-kafka-test) for every Kafka test of this module, started on first use. */
final class KafkaBroker {

    private static EmbeddedKafkaKraftBroker broker;

    private KafkaBroker() {}

    /**
     * The running broker's bootstrap servers.
     *
     * @return {@code host:port}
     */
    static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.brokerProperty("auto.create.topics.enable", "false");
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        }
        return broker.getBrokersAsString();
    }

    /**
     * A consumer of {@code topic} reading from the beginning.
     *
     * @param topic the topic
     * @return the consumer, subscribed
     */
    static KafkaConsumer<String, byte[]> consumer(String topic) {
        return consumer(bootstrapServers(), topic);
    }

    /**
     * A consumer of {@code topic} on another broker, reading from the beginning.
     *
     * @param bootstrap that broker's bootstrap servers
     * @param topic the topic
     * @return the consumer, subscribed
     */
    static KafkaConsumer<String, byte[]> consumer(String bootstrap, String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
