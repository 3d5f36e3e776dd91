package org.chapkit.autoconfigure.health;

import org.chapkit.autoconfigure.web.ChapkitWebAutoConfiguration;
import org.chapkit.contract.ContractGeneration;
import org.chapkit.health.HealthReporter;
import org.chapkit.health.internal.HealthController;
import org.chapkit.sse.SseStreamer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.annotation.Bean;

/**
 * Serves chapkit's {@code /health} and {@code /health/$stream} from Actuator's health contributors. Switch off with
 * {@code chapkit.health.enabled=false}.
 */
@AutoConfiguration(after = {HealthContributorRegistryAutoConfiguration.class, ChapkitWebAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "chapkit.health.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChapkitHealthProperties.class)
public final class ChapkitHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    HealthReporter chapkitHealthReporter(HealthContributorRegistry registry) {
        return new ActuatorHealthReporter(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    HealthController chapkitHealthController(
            HealthReporter reporter, SseStreamer streamer, ObjectProvider<ContractGeneration> contract) {
        return new HealthController(reporter, streamer, contract.getIfAvailable(() -> ContractGeneration.DEFAULT));
    }
}
