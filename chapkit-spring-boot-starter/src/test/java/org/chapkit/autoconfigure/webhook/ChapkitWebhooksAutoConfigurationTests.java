package org.chapkit.autoconfigure.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.chapkit.autoconfigure.RunnerAutoConfigurations;
import org.chapkit.autoconfigure.event.ChapkitEventsAutoConfiguration;
import org.chapkit.autoconfigure.web.ChapkitWebAutoConfiguration;
import org.chapkit.event.EventDispatcher;
import org.chapkit.test.TestDatabases;
import org.chapkit.webhook.WebhookManager;
import org.chapkit.webhook.internal.WebhookController;
import org.chapkit.webhook.internal.WebhookDestinations;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ChapkitWebhooksAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(RunnerAutoConfigurations.JDBC)
            .withConfiguration(AutoConfigurations.of(
                    ChapkitWebAutoConfiguration.class,
                    ChapkitEventsAutoConfiguration.class,
                    ChapkitWebhooksAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2());

    @Test
    void webhooksAreOnWithEventsAndTheirEndpointsAreADestinationSet() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(WebhookManager.class);
            assertThat(context).hasSingleBean(WebhookController.class);
            assertThat(context).hasSingleBean(WebhookDestinations.class);
            assertThat(context).hasSingleBean(EventDispatcher.class);
        });
    }

    @Test
    void switchedOffOrWithoutEventsThereAreNoWebhooks() {
        runner.withPropertyValues("chapkit.webhooks.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(WebhookManager.class));
        runner.withPropertyValues("chapkit.events.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(WebhookManager.class));
    }

    @Test
    void aUserControllerReplacesChapkits() {
        runner.withUserConfiguration(OwnController.class)
                .run(context -> assertThat(context.getBean(WebhookController.class))
                        .isSameAs(context.getBean("ownWebhookController")));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnController {

        @Bean
        WebhookController ownWebhookController(WebhookManager webhooks) {
            return new WebhookController(webhooks);
        }
    }
}
