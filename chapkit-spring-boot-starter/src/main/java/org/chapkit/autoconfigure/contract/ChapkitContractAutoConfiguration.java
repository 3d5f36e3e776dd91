package org.chapkit.autoconfigure.contract;

import org.chapkit.contract.ContractGeneration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Provides the {@link ContractGeneration} bean from {@code chapkit.contract.generation}. Every chapkit
 * auto-configuration that shapes the wire (errors, verbs, health, info) takes its behaviour from this one bean.
 */
@AutoConfiguration
@EnableConfigurationProperties(ChapkitContractProperties.class)
public final class ChapkitContractAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ContractGeneration chapkitContractGeneration(ChapkitContractProperties properties) {
        return properties.toGeneration();
    }
}
