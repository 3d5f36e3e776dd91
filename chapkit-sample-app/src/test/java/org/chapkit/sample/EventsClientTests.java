package org.chapkit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.chapkit.client.ChapkitClient;
import org.chapkit.client.ChapkitProblemException;
import org.chapkit.client.event.Event;
import org.chapkit.client.event.EventPage;
import org.chapkit.client.event.EventQuery;
import org.chapkit.client.webhook.Webhook;
import org.chapkit.client.webhook.WebhookCreated;
import org.chapkit.client.webhook.WebhookRequest;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The typed client over the event history, destinations and webhook endpoints, against the sample service. */
class EventsClientTests {

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Contract {}

    abstract static class Contract {

        @LocalServerPort
        int port;

        @Test
        void theClientReadsTheHistoryOfASubjectAndManagesWebhooks() {
            try (ChapkitClient client = ChapkitClient.create("http://127.0.0.1:" + port)) {
                String config = new ForecastFlow(new HttpApi(port)).createConfig("{\"prediction_periods\":3}");

                EventPage page = client.events().list(EventQuery.ALL.withSubject("configs/" + config));
                assertThat(page.items()).extracting(Event::type).containsExactly("org.chapkit.config.created");
                Event created = page.items().get(0);
                assertThat(created.sequence()).isEqualTo(1);
                assertThat(created.data().get("config_id").asString()).isEqualTo(config);
                assertThat(client.events()
                                .list(EventQuery.ALL
                                        .withSubject("configs/" + config)
                                        .withAfter(created.position()))
                                .items())
                        .isEmpty();

                WebhookCreated hook = client.webhooks()
                        .create(WebhookRequest.to("http://127.0.0.1:9/hook", List.of("org.chapkit.job.*")));
                assertThat(hook.secret()).isNotBlank();
                String id = hook.webhook().id();
                assertThat(client.webhooks().list()).extracting(Webhook::id).contains(id);
                assertThat(client.webhooks().get(id).types()).containsExactly("org.chapkit.job.*");
                Awaitility.await()
                        .atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(client.events().destinations())
                                .anySatisfy(state -> assertThat(state.name()).isEqualTo("webhook:" + id)));

                Webhook disabled =
                        client.webhooks().update(id, new WebhookRequest(null, null, null, false, null, null, null));
                assertThat(disabled.enabled()).isFalse();
                assertThat(disabled.url()).isEqualTo("http://127.0.0.1:9/hook");

                client.webhooks().delete(id);
                assertThatThrownBy(() -> client.webhooks().get(id))
                        .isInstanceOfSatisfying(
                                ChapkitProblemException.class,
                                problem -> assertThat(problem.status()).isEqualTo(404));
                assertThatThrownBy(() -> client.webhooks().create(WebhookRequest.to("ftp://example", List.of())))
                        .isInstanceOfSatisfying(
                                ChapkitProblemException.class,
                                problem -> assertThat(problem.status()).isBetween(400, 422));
            }
        }
    }
}
