package org.chapkit.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.chapkit.config.ConfigCreated;
import org.chapkit.event.EventEnvelope;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Webhooks against a real receiver: signatures, retries with backoff, dead letters and their replay. */
class WebhookTests {

    @Nested
    @ServiceTestOnH2
    @TestPropertySource(
            properties = {
                "chapkit.events.poll-interval=100ms",
                "chapkit.webhooks.initial-backoff=100ms",
                "chapkit.webhooks.max-backoff=200ms"
            })
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    @TestPropertySource(
            properties = {
                "chapkit.events.poll-interval=100ms",
                "chapkit.webhooks.initial-backoff=100ms",
                "chapkit.webhooks.max-backoff=200ms"
            })
    class OnPostgres extends Contract {}

    abstract static class Contract {

        @LocalServerPort
        int port;

        HttpApi api;
        Receiver receiver;
        String webhook;

        @BeforeEach
        void start() throws Exception {
            api = new HttpApi(port);
            receiver = new Receiver();
        }

        @AfterEach
        void stop() {
            if (webhook != null) {
                assertThat(api.send("DELETE", "/api/v1/webhooks/" + webhook, null, null)
                                .status())
                        .isEqualTo(204);
            }
            receiver.close();
        }

        private JsonNode createWebhook(String extra) {
            HttpApi.Response created = api.postJson(
                    "/api/v1/webhooks",
                    "{\"url\": \"" + receiver.url() + "\", \"types\": [\"org.chapkit.config.*\"]" + extra + "}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            webhook = created.json().get("id").asString();
            return created.json();
        }

        private String createConfig(String name) {
            HttpApi.Response created = api.postJson(
                    "/api/v1/configs", "{\"name\": \"" + name + "\", \"data\": {\"prediction_periods\": 3}}");
            assertThat(created.status()).isEqualTo(201);
            return created.json().get("id").asString();
        }

        /**
         * One sample of this webhook's delivery meters on the Prometheus page, as an operator's scraper reads it: e.g.
         * {@code chapkit_events_retries_total}; fails when the page has no sample of it.
         */
        private double deliveryMeter(String family) {
            String prefix = family + "{destination=\"" + WebhookManager.DESTINATION_PREFIX + webhook + "\"";
            return api.get("/metrics")
                    .body()
                    .lines()
                    .filter(line -> line.startsWith(prefix))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("/metrics has no sample of " + prefix + "}"));
        }

        private static EventEnvelope envelope(Receiver.Request request) {
            return EventEnvelope.fromJson(new String(request.body(), StandardCharsets.UTF_8));
        }

        @Test
        void eventsArriveSignedWithTheEndpointsSecretAndFilteredByType() {
            JsonNode created = createWebhook("");
            String secret = created.get("secret").asString();
            assertThat(secret).hasSizeGreaterThanOrEqualTo(16);
            assertThat(api.get("/api/v1/webhooks/" + webhook).json().has("secret"))
                    .isFalse();
            String config = createConfig("signed");

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !receiver.requests().isEmpty());
            Receiver.Request request = receiver.requests().getFirst();
            assertThat(WebhookSignature.verify(
                            secret,
                            request.header(WebhookSignature.TIMESTAMP_HEADER),
                            request.header(WebhookSignature.SIGNATURE_HEADER),
                            request.body(),
                            Instant.now().getEpochSecond(),
                            300))
                    .isTrue();
            assertThat(WebhookSignature.verify(
                            "another-secret-of-16",
                            request.header(WebhookSignature.TIMESTAMP_HEADER),
                            request.header(WebhookSignature.SIGNATURE_HEADER),
                            request.body(),
                            Instant.now().getEpochSecond(),
                            300))
                    .isFalse();
            assertThat(request.header("Content-Type")).isEqualTo(EventEnvelope.MEDIA_TYPE);
            EventEnvelope event = envelope(request);
            assertThat(event.type()).isEqualTo(ConfigCreated.TYPE);
            assertThat(event.subject()).isEqualTo("configs/" + config);
            assertThat(request.header(WebhookSignature.EVENT_ID_HEADER)).isEqualTo(event.id());
            assertThat(receiver.requests()).allMatch(r -> envelope(r).type().startsWith("org.chapkit.config."));
        }

        @Test
        void aReceiverAnswering500ThreeTimesGetsTheEventOnTheFourthTry() {
            createWebhook(", \"max_attempts\": 5");
            receiver.failNext(3);
            createConfig("retried");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.requests().stream().anyMatch(r -> r.status() == 200));
            List<Receiver.Request> tries =
                    receiver.of(receiver.requests().getFirst().header(WebhookSignature.EVENT_ID_HEADER));
            assertThat(tries).extracting(Receiver.Request::status).containsExactly(500, 500, 500, 200);
            assertThat(api.get("/api/v1/webhooks/" + webhook + "/dead-letters").json())
                    .isEmpty();
            assertThat(deliveryMeter("chapkit_events_retries_total")).isEqualTo(3);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(deliveryMeter("chapkit_events_delivered_total"))
                            .isGreaterThanOrEqualTo(1));
            assertThat(deliveryMeter("chapkit_events_dead_letters_total")).isZero();
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(deliveryMeter("chapkit_events_lag_events"))
                            .isZero());
        }

        @Test
        void aDeadReceiverEndsInTheDeadLetterTableAndReplays() {
            createWebhook(", \"max_attempts\": 2");
            receiver.dead(true);
            String config = createConfig("dead");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> api.get("/api/v1/webhooks/" + webhook + "/dead-letters")
                                    .json()
                                    .size()
                            == 1);
            JsonNode letter = api.get("/api/v1/webhooks/" + webhook + "/dead-letters")
                    .json()
                    .get(0);
            assertThat(letter.get("attempts").asInt()).isEqualTo(2);
            assertThat(letter.get("error").asString()).contains("HTTP 500");
            assertThat(letter.get("type").asString()).isEqualTo(ConfigCreated.TYPE);
            assertThat(receiver.requests()).hasSize(2);
            assertThat(deliveryMeter("chapkit_events_dead_letters_total")).isEqualTo(1);
            assertThat(deliveryMeter("chapkit_events_retries_total")).isEqualTo(1);

            receiver.dead(false);
            HttpApi.Response replayed = api.postJson(
                    "/api/v1/webhooks/" + webhook + "/dead-letters/"
                            + letter.get("id").asString() + "/$replay",
                    "");
            assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
            assertThat(replayed.json().get("replayed_at").isNull()).isFalse();
            Receiver.Request delivered = receiver.requests().getLast();
            assertThat(delivered.status()).isEqualTo(200);
            assertThat(envelope(delivered).subject()).isEqualTo("configs/" + config);
        }

        @Test
        void invalidEndpointsAreProblemsNamingTheField() {
            HttpApi.Response invalid =
                    api.postJson("/api/v1/webhooks", "{\"url\": \"ftp://example.org\", \"secret\": \"short\"}");
            assertThat(invalid.status()).isIn(400, 422);
            assertThat(invalid.body()).contains("url", "secret");
            assertThat(api.get("/api/v1/webhooks/01ARZ3NDEKTSV4RRFFQ69G5FAV").status())
                    .isEqualTo(404);
        }
    }
}
