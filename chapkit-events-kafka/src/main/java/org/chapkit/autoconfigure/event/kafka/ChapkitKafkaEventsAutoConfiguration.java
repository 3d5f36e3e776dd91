package org.chapkit.autoconfigure.event.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.chapkit.autoconfigure.database.ChapkitSchema;
import org.chapkit.autoconfigure.event.ChapkitEventsAutoConfiguration;
import org.chapkit.autoconfigure.ml.InboundCommandsConfiguration;
import org.chapkit.event.EventPublisher;
import org.chapkit.event.kafka.KafkaCommandListener;
import org.chapkit.event.kafka.KafkaEventDestination;
import org.chapkit.ml.command.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka for chapkit, when Spring for Apache Kafka is on the class path: chapkit's events go to a topic with {@code
 * chapkit.events.kafka.enabled=true}, and {@code $train}/{@code $predict}/{@code $execute} commands are read from a
 * topic with {@code chapkit.events.kafka.commands.enabled=true}. Producers and consumers are chapkit's own, configured
 * from Spring Boot's {@code spring.kafka.*} with string keys, byte-array values, {@code acks=all} and idempotence.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, ChapkitEventsAutoConfiguration.class})
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties({ChapkitKafkaEventsProperties.class, KafkaProperties.class})
public final class ChapkitKafkaEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty("chapkit.events.kafka.enabled")
    KafkaEventDestination chapkitKafkaEventDestination(
            ChapkitKafkaEventsProperties properties,
            KafkaProperties kafka,
            ObjectProvider<KafkaConnectionDetails> connectionDetails) {
        Map<String, Object> admin = new HashMap<>(kafka.buildAdminProperties());
        connectionDetails.ifAvailable(details -> admin.put(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, details.getAdmin().getBootstrapServers()));
        int timeout = millis(properties);
        admin.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        admin.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        return new KafkaEventDestination(
                new DefaultKafkaProducerFactory<>(producer(properties, kafka, connectionDetails)),
                properties.createTopic() ? new KafkaAdmin(admin) : null,
                properties.topic(),
                Optional.ofNullable(properties.partitions()),
                Optional.ofNullable(properties.replicationFactor()),
                properties.sendTimeout());
    }

    static Map<String, Object> producer(
            ChapkitKafkaEventsProperties properties,
            KafkaProperties kafka,
            ObjectProvider<KafkaConnectionDetails> connectionDetails) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        connectionDetails.ifAvailable(details -> producer.put(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                details.getProducer().getBootstrapServers()));
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        int timeout = millis(properties);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout * 2);
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "chapkit-events");
        return producer;
    }

    private static int millis(ChapkitKafkaEventsProperties properties) {
        return (int) Math.min(Integer.MAX_VALUE / 2, properties.sendTimeout().toMillis());
    }

    /** The inbound command topic. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("chapkit.events.kafka.commands.enabled")
    @ConditionalOnBean({EventPublisher.class, ChapkitSchema.class})
    @Import(InboundCommandsConfiguration.class)
    static class Commands {

        @Bean
        @ConditionalOnMissingBean(name = "chapkitKafkaCommandContainer")
        ConcurrentMessageListenerContainer<String, byte[]> chapkitKafkaCommandContainer(
                ChapkitKafkaEventsProperties properties,
                KafkaProperties kafka,
                ObjectProvider<KafkaConnectionDetails> connectionDetails,
                CommandGateway gateway,
                JsonMapper mapper) {
            ChapkitKafkaEventsProperties.Commands commands = properties.commands();
            Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
            connectionDetails.ifAvailable(details -> consumer.put(
                    CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                    details.getConsumer().getBootstrapServers()));
            consumer.put(ConsumerConfig.GROUP_ID_CONFIG, commands.groupId());
            consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumer.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            ContainerProperties container = new ContainerProperties(commands.topic());
            container.setAckMode(ContainerProperties.AckMode.RECORD);
            KafkaTemplate<String, byte[]> deadLetters = new KafkaTemplate<>(
                    new DefaultKafkaProducerFactory<>(producer(properties, kafka, connectionDetails)));
            container.setMessageListener(new KafkaCommandListener(
                    gateway,
                    commands.topic(),
                    commands.deadLetterTopic(),
                    deadLetters,
                    properties.sendTimeout(),
                    mapper));
            ConcurrentMessageListenerContainer<String, byte[]> listeners = new ConcurrentMessageListenerContainer<>(
                    new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(), new ByteArrayDeserializer()),
                    container);
            listeners.setConcurrency(commands.concurrency());
            // chapkit's own failures (the database away) are retried, never skipped: a command is not lost.
            listeners.setCommonErrorHandler(
                    new DefaultErrorHandler(new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS)));
            return listeners;
        }
    }
}
