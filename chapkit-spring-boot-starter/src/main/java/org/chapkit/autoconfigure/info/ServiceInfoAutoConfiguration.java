package org.chapkit.autoconfigure.info;

import org.chapkit.info.InfoController;
import org.chapkit.info.ServiceInfo;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Serves {@code GET /api/v1/info}. The {@link ServiceInfo} comes from {@code chapkit.service.*}, or from a
 * {@code ServiceInfo} bean of the application's own. Switch off with {@code chapkit.info.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ChapkitServiceProperties.class)
public final class ServiceInfoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceInfo chapkitServiceInfo(ChapkitServiceProperties properties) {
        try {
            return properties.toServiceInfo();
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException("Invalid chapkit.service configuration: " + ex.getMessage(), ex);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "chapkit.info.enabled", matchIfMissing = true)
    InfoController chapkitInfoController(ServiceInfo info) {
        return new InfoController(info);
    }
}
