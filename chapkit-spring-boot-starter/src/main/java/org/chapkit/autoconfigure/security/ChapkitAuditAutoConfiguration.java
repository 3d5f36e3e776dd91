package org.chapkit.autoconfigure.security;

import java.time.Clock;
import org.chapkit.autoconfigure.database.ChapkitDatabaseAutoConfiguration;
import org.chapkit.autoconfigure.database.ChapkitSchema;
import org.chapkit.crud.PageLimits;
import org.chapkit.security.audit.AuditRetention;
import org.chapkit.security.audit.AuditTrail;
import org.chapkit.security.audit.internal.AuditController;
import org.chapkit.security.audit.internal.AuditStore;
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
 * The audit trail: {@code security_audit}, the {@code chapkit.audit} log events, {@code GET /api/v1/audit} and the
 * retention purge. On when security is on, unless {@code chapkit.security.audit.enabled=false}.
 */
@AutoConfiguration(after = ChapkitDatabaseAutoConfiguration.class)
@ConditionalOnClass(SecurityFilterChain.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty("chapkit.security.enabled")
@ConditionalOnBooleanProperty(name = "chapkit.security.audit.enabled", matchIfMissing = true)
@ConditionalOnBean(ChapkitSchema.class)
@EnableConfigurationProperties(ChapkitSecurityProperties.class)
public final class ChapkitAuditAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AuditStore chapkitAuditStore(JdbcClient jdbc, ChapkitSchema schema) {
        return new AuditStore(schema.tables().jdbc(jdbc));
    }

    @Bean
    @ConditionalOnMissingBean
    AuditTrail chapkitAuditTrail(AuditStore store) {
        return new AuditTrail(store);
    }

    @Bean
    @ConditionalOnMissingBean
    AuditController chapkitAuditController(AuditStore store, ObjectProvider<PageLimits> pages) {
        return new AuditController(store, pages.getIfAvailable(() -> PageLimits.DEFAULT));
    }

    @Bean
    @ConditionalOnMissingBean
    AuditRetention chapkitAuditRetention(
            AuditStore store, ChapkitSecurityProperties properties, ObjectProvider<Clock> clock) {
        return new AuditRetention(
                store,
                clock.getIfAvailable(Clock::systemUTC),
                properties.audit().retention(),
                properties.audit().purgeInterval());
    }
}
