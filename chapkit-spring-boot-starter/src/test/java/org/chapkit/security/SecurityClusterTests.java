package org.chapkit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chapkit.TestServiceApplication;
import org.chapkit.test.HttpApi;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two instances on one PostgreSQL: a key revoked on A is refused on B within {@code key-cache-ttl}, and a rate
 * limit holds across both (N requests spread over the two instances → exactly N − limit refused).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityClusterTests {

    private static final Duration KEY_CACHE_TTL = Duration.ofSeconds(1);
    private static final int VIEWER_LIMIT = 10;

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private HttpApi a;
    private HttpApi b;

    @BeforeAll
    void startTwoInstances() {
        TestDatabases.Postgres pg = TestDatabases.freshPostgres();
        a = new HttpApi(port(start(pg, "node-a")));
        b = new HttpApi(port(start(pg, "node-b")));
    }

    @AfterAll
    void closeContexts() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aKeyRevokedOnOneInstanceIsRefusedOnTheOtherWithinTheCacheTime() {
        JsonNode key = create(a, "revoked-across", "operator");
        String secret = key.get("secret").asString();
        assertThat(get(b, "/api/v1/configs", secret).status()).isEqualTo(200); // B has verified (and cached) it

        HttpApi.Response revoked = a.send(
                HttpRequest.newBuilder(a.uri("/api/v1/keys/" + key.get("id").asString()))
                        .header("X-API-Key", SecuredService.ADMIN_KEY)
                        .DELETE());
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(get(a, "/api/v1/configs", secret).status())
                .as("at once on A")
                .isEqualTo(401);

        // B keeps a verified key for at most key-cache-ttl; allow a generous margin for a busy machine.
        await().atMost(KEY_CACHE_TTL.plusSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> get(b, "/api/v1/configs", secret).status() == 401);
        HttpApi.Response refused = get(b, "/api/v1/configs", secret);
        assertThat(refused.json().get("detail").asString()).isEqualTo("Invalid API key");
    }

    @Test
    void theRateLimitHoldsAcrossBothInstances() {
        String secret = create(a, "limited", "viewer").get("secret").asString();
        int requests = 16;
        int refused = 0;
        for (int i = 0; i < requests; i++) {
            HttpApi.Response response = get(i % 2 == 0 ? a : b, "/api/v1/info", secret);
            if (response.status() == 429) {
                refused++;
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.header("Retry-After"))
                        .hasValueSatisfying(
                                value -> assertThat(Long.parseLong(value)).isPositive());
                assertThat(response.json().get("type").asString()).isEqualTo("urn:chapkit:error:too-many-requests");
            } else {
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
            }
        }
        assertThat(refused).isEqualTo(requests - VIEWER_LIMIT);
    }

    @Test
    void deniedAndStateChangingRequestsOfBothInstancesAreInOneAuditTrail() {
        assertThat(a.postJson("/api/v1/configs", "{}").status()).isEqualTo(401);
        HttpApi.Response created = b.send(HttpRequest.newBuilder(b.uri("/api/v1/configs"))
                .header("X-API-Key", SecuredService.ADMIN_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"audited\",\"data\":{}}")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String configId = created.json().get("id").asString();

        HttpApi.Response denied = get(
                a, "/api/v1/audit?outcome=denied&method=POST&path_prefix=/api/v1/configs", SecuredService.ADMIN_KEY);
        assertThat(denied.status()).isEqualTo(200);
        assertThat(denied.json().get("total").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode deniedEvent = denied.json().get("items").get(0);
        assertThat(deniedEvent.get("status").asInt()).isEqualTo(401);
        assertThat(deniedEvent.get("role").isNull()).isTrue();

        HttpApi.Response succeeded =
                get(a, "/api/v1/audit?subject=admin-key&outcome=succeeded&size=5", SecuredService.ADMIN_KEY);
        JsonNode event = succeeded.json().get("items").get(0);
        assertThat(event.get("method").asString()).isEqualTo("POST");
        assertThat(event.get("path").asString()).isEqualTo("/api/v1/configs");
        assertThat(event.get("resource_id").asString()).isEqualTo(configId);
        assertThat(event.get("role").asString()).isEqualTo("admin");
        assertThat(event.get("key_prefix").asString()).isEqualTo(SecuredService.ADMIN_KEY.substring(0, 7));
        assertThat(event.get("request_id").asString())
                .isEqualTo(created.header("X-Request-ID").orElseThrow());
        assertThat(succeeded.body()).doesNotContain(SecuredService.ADMIN_KEY);

        HttpApi.Response badFilter = get(a, "/api/v1/audit?outcome=maybe", SecuredService.ADMIN_KEY);
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(get(a, "/api/v1/audit", SecuredService.OPERATOR_KEY).status())
                .isEqualTo(403);
    }

    private static JsonNode create(HttpApi api, String name, String role) {
        HttpApi.Response created = api.send(HttpRequest.newBuilder(api.uri("/api/v1/keys"))
                .header("X-API-Key", SecuredService.ADMIN_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static HttpApi.Response get(HttpApi api, String path, String key) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).header("X-API-Key", key));
    }

    private ConfigurableApplicationContext start(TestDatabases.Postgres db, String instanceName) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TestServiceApplication.class)
                .properties(
                        "spring.datasource.url=" + db.url(),
                        "spring.datasource.username=" + db.username(),
                        "spring.datasource.password=" + db.password(),
                        "spring.datasource.hikari.maximum-pool-size=4",
                        "server.port=0",
                        "spring.main.banner-mode=off",
                        "chapkit.jobs.instance-name=" + instanceName,
                        "chapkit.security.enabled=true",
                        "chapkit.security.keys[0].name=admin-key",
                        "chapkit.security.keys[0].key=" + SecuredService.ADMIN_KEY,
                        "chapkit.security.keys[0].role=admin",
                        "chapkit.security.keys[1].name=operator-key",
                        "chapkit.security.keys[1].key=" + SecuredService.OPERATOR_KEY,
                        "chapkit.security.keys[1].role=operator",
                        "chapkit.security.key-cache-ttl=" + KEY_CACHE_TTL.toMillis() + "ms",
                        "chapkit.security.rate-limit.enabled=true",
                        "chapkit.security.rate-limit.viewer=" + VIEWER_LIMIT + "/1h",
                        "chapkit.security.rate-limit.admin=",
                        "chapkit.security.rate-limit.operator=",
                        "chapkit.security.rate-limit.anonymous=")
                .run();
        contexts.add(context);
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
