package org.chapkit.autoconfigure.event.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.chapkit.event.kafka.KafkaEventDestination;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends chapkit's events to Kafka when Spring for Apache Kafka is on the class path and {@code
 * chapkit.events.kafka.enabled=true}. The destination gets a producer of its own, configured from Spring Boot's
 * {@code spring.kafka.*} with string keys, byte-array values, {@code acks=all} and idempotence.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBooleanProperty("chapkit.events.kafka.enabled")
@EnableConfigurationProperties({ChapkitKafkaEventsProperties.class, KafkaProperties.class})
public final class ChapkitKafkaEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KafkaEventDestination chapkitKafkaEventDestination(
            ChapkitKafkaEventsProperties properties,
            KafkaProperties kafka,
            ObjectProvider<KafkaConnectionDetails> connectionDetails) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        Map<String, Object> admin = new HashMap<>(kafka.buildAdminProperties());
        connectionDetails.ifAvailable(details -> {
            producer.put(
                    CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                    details.getProducer().getBootstrapServers());
            admin.put(
                    CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                    details.getAdmin().getBootstrapServers());
        });
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        long timeout = properties.sendTimeout().toMillis();
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeout));
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeout * 2));
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "chapkit-events");
        admin.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeout));
        admin.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeout));
        return new KafkaEventDestination(
                new DefaultKafkaProducerFactory<>(producer),
                properties.createTopic() ? new KafkaAdmin(admin) : null,
                properties.topic(),
                Optional.ofNullable(properties.partitions()),
                Optional.ofNullable(properties.replicationFactor()),
                properties.sendTimeout());
    }
}
