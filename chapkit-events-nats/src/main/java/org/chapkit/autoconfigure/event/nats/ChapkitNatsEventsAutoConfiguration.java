package org.chapkit.autoconfigure.event.nats;

import io.nats.client.Nats;
import io.nats.client.Options;
import org.chapkit.autoconfigure.event.ChapkitEventsAutoConfiguration;
import org.chapkit.event.nats.NatsEventDestination;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Sends chapkit's events to NATS JetStream when the NATS client ({@code io.nats:jnats}) is on the class path and
 * {@code chapkit.events.nats.enabled=true}.
 */
@AutoConfiguration(after = ChapkitEventsAutoConfiguration.class)
@ConditionalOnClass(Nats.class)
@ConditionalOnBooleanProperty("chapkit.events.nats.enabled")
@EnableConfigurationProperties(ChapkitNatsEventsProperties.class)
public final class ChapkitNatsEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    NatsEventDestination chapkitNatsEventDestination(ChapkitNatsEventsProperties properties) {
        Options.Builder options = Options.builder()
                .servers(properties.servers().toArray(String[]::new))
                .connectionName("chapkit-events")
                .connectionTimeout(properties.connectionTimeout())
                .maxReconnects(-1);
        if (properties.token() != null) {
            options.token(properties.token().toCharArray());
        } else if (properties.username() != null) {
            options.userInfo(properties.username(), properties.password() == null ? "" : properties.password());
        }
        return new NatsEventDestination(
                options.build(),
                properties.stream(),
                properties.subjectPrefix(),
                properties.duplicateWindow(),
                properties.publishTimeout());
    }
}
