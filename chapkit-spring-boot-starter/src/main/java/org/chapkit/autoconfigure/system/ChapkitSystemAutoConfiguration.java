package org.chapkit.autoconfigure.system;

import java.time.Clock;
import org.chapkit.apps.StaticAppRegistry;
import org.chapkit.autoconfigure.apps.ChapkitAppsAutoConfiguration;
import org.chapkit.autoconfigure.web.ChapkitWebAutoConfiguration;
import org.chapkit.system.internal.SystemController;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Serves {@code /api/v1/system} and {@code /api/v1/system/apps}. Switch off with {@code chapkit.system.enabled=false}. */
@AutoConfiguration(after = {ChapkitWebAutoConfiguration.class, ChapkitAppsAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "chapkit.system.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChapkitSystemProperties.class)
public final class ChapkitSystemAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SystemController chapkitSystemController(ObjectProvider<Clock> clock, StaticAppRegistry apps) {
        return new SystemController(clock.getIfAvailable(Clock::systemUTC), apps);
    }
}
