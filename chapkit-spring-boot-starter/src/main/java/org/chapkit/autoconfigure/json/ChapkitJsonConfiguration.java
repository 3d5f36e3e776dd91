package org.chapkit.autoconfigure.json;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Contributes {@link ChapkitJsonMapper}; imported by every auto-configuration that stores JSON, so each one works on
 * its own (and in an {@code ApplicationContextRunner}) without a separate auto-configuration to list.
 */
@Configuration(proxyBeanMethods = false)
public final class ChapkitJsonConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ChapkitJsonMapper chapkitJsonMapper(ObjectProvider<ChapkitJsonMapperCustomizer> customizers) {
        return ChapkitJsonMapper.build(customizers.orderedStream());
    }
}
