package org.chapkit.autoconfigure.security;

import java.time.Clock;
import org.chapkit.autoconfigure.database.ChapkitDatabaseAutoConfiguration;
import org.chapkit.autoconfigure.database.ChapkitSchema;
import org.chapkit.security.key.ApiKeyManager;
import org.chapkit.security.key.internal.ApiKeyController;
import org.chapkit.security.key.internal.ApiKeyStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Managed API keys ({@code /api/v1/keys}), stored hashed in {@code security_api_keys}. On when security is on,
 * unless {@code chapkit.security.managed-keys=false}.
 */
@AutoConfiguration(after = ChapkitDatabaseAutoConfiguration.class)
@ConditionalOnClass(SecurityFilterChain.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty("chapkit.security.enabled")
@ConditionalOnBooleanProperty(name = "chapkit.security.managed-keys", matchIfMissing = true)
@ConditionalOnBean(ChapkitSchema.class)
@EnableConfigurationProperties(ChapkitSecurityProperties.class)
public final class ChapkitApiKeysAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ApiKeyStore chapkitApiKeyStore(JdbcClient jdbc, ChapkitSchema schema) {
        return new ApiKeyStore(schema.tables().jdbc(jdbc));
    }

    @Bean
    @ConditionalOnMissingBean
    ApiKeyManager chapkitApiKeyManager(
            ApiKeyStore store, ChapkitSecurityProperties properties, ObjectProvider<Clock> clock) {
        return new ApiKeyManager(store, clock.getIfAvailable(Clock::systemUTC), properties.keyCacheTtl());
    }

    @Bean
    @ConditionalOnMissingBean
    ApiKeyController chapkitApiKeyController(ApiKeyManager keys) {
        return new ApiKeyController(keys);
    }
}
