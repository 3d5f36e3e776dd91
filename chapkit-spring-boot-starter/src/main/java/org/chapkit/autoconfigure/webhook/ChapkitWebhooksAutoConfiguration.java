package org.chapkit.autoconfigure.webhook;

import java.time.Clock;
import org.chapkit.autoconfigure.database.ChapkitSchema;
import org.chapkit.autoconfigure.event.ChapkitEventsAutoConfiguration;
import org.chapkit.event.EventDispatcher;
import org.chapkit.webhook.WebhookManager;
import org.chapkit.webhook.internal.WebhookController;
import org.chapkit.webhook.internal.WebhookDestinations;
import org.chapkit.webhook.internal.WebhookStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhooks, a core feature (HTTP POST with the JDK's client, no outside library): the {@link WebhookManager}, whose
 * endpoints the event dispatcher delivers to, and {@code /api/v1/webhooks} in a servlet application. On with events;
 * switch off with {@code chapkit.webhooks.enabled=false}.
 */
@AutoConfiguration(after = ChapkitEventsAutoConfiguration.class)
@ConditionalOnBean(EventDispatcher.class)
@ConditionalOnBooleanProperty(name = "chapkit.webhooks.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChapkitWebhooksProperties.class)
public final class ChapkitWebhooksAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WebhookStore chapkitWebhookStore(ChapkitSchema schema, JdbcClient jdbc) {
        return new WebhookStore(schema.tables().jdbc(jdbc));
    }

    // The dispatcher delivers to these; the manager (which needs the dispatcher) tells them of changes.
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    WebhookDestinations chapkitWebhookDestinations(
            WebhookStore store, ChapkitWebhooksProperties properties, ObjectProvider<Clock> clock) {
        return new WebhookDestinations(store, properties.toSettings(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    WebhookManager chapkitWebhookManager(
            WebhookStore store,
            EventDispatcher dispatcher,
            PlatformTransactionManager transactionManager,
            ChapkitWebhooksProperties properties,
            ObjectProvider<Clock> clock,
            WebhookDestinations destinations) {
        return new WebhookManager(
                store,
                dispatcher,
                new TransactionTemplate(transactionManager),
                properties.toSettings(),
                clock.getIfAvailable(Clock::systemUTC),
                destinations);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    WebhookController chapkitWebhookController(WebhookManager webhooks) {
        return new WebhookController(webhooks);
    }
}
