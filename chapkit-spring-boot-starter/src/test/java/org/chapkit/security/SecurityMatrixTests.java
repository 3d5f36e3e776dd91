package org.chapkit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.chapkit.id.Ulids;
import org.chapkit.security.access.Access;
import org.chapkit.security.access.Role;
import org.chapkit.security.key.ApiKey;
import org.chapkit.security.key.KeyDigest;
import org.chapkit.security.key.internal.ApiKeyStore;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint family × every kind of caller, over a real port, on H2 and PostgreSQL: no credentials, each role
 * by API key and by JWT, a wrong, revoked and expired key, a managed key, a JWT signed by an unknown key, an expired
 * JWT and a JWT without a role. Allowed requests carry harmless input (unknown ids, bad bodies), so the matrix checks
 * only the security decision: 401, 403, or anything else.
 */
class SecurityMatrixTests {

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Contract {}

    /** One kind of caller. */
    enum Credential {
        NONE,
        VIEWER_KEY,
        OPERATOR_KEY,
        ADMIN_KEY,
        MANAGED_OPERATOR_KEY,
        WRONG_KEY,
        REVOKED_KEY,
        EXPIRED_KEY,
        VIEWER_JWT,
        OPERATOR_JWT,
        ADMIN_JWT,
        JWT_WITHOUT_ROLE,
        JWT_FROM_UNKNOWN_KEY,
        EXPIRED_JWT;

        /** The role the caller has, or null when it must be refused with 401 (or has no role). */
        Role role() {
            return switch (this) {
                case VIEWER_KEY, VIEWER_JWT -> Role.VIEWER;
                case OPERATOR_KEY, OPERATOR_JWT, MANAGED_OPERATOR_KEY -> Role.OPERATOR;
                case ADMIN_KEY, ADMIN_JWT -> Role.ADMIN;
                default -> null;
            };
        }

        boolean unauthenticated() {
            return this == NONE
                    || this == WRONG_KEY
                    || this == REVOKED_KEY
                    || this == EXPIRED_KEY
                    || this == JWT_FROM_UNKNOWN_KEY
                    || this == EXPIRED_JWT;
        }

        boolean badToken() {
            return this == JWT_FROM_UNKNOWN_KEY || this == EXPIRED_JWT;
        }
    }

    /** A request standing for one endpoint, and what it needs. */
    record Probe(String family, String method, String path, String body, Access access) {}

    static final String ID = "01K72P5N5KCRM6MD3BRE4P0999";

    static final List<Probe> PROBES = List.of(
            new Probe("Service", "GET", "/", null, Access.PUBLIC),
            new Probe("Service", "GET", "/health", null, Access.PUBLIC),
            new Probe("Service", "GET", "/openapi.json", null, Access.PUBLIC),
            new Probe("Service", "GET", "/health/$stream", null, Access.VIEWER),
            new Probe("Service", "GET", "/api/v1/info", null, Access.VIEWER),
            new Probe("Service", "GET", "/api/v1/system", null, Access.VIEWER),
            new Probe("Service", "GET", "/api/v1/system/apps", null, Access.VIEWER),
            new Probe("Service", "GET", "/metrics", null, Access.VIEWER),
            new Probe("Hosted apps", "GET", "/dash/", null, Access.VIEWER),
            new Probe("Configs", "GET", "/api/v1/configs", null, Access.VIEWER),
            new Probe("Configs", "GET", "/api/v1/configs/$schema", null, Access.VIEWER),
            new Probe("Configs", "GET", "/api/v1/configs/" + ID, null, Access.VIEWER),
            new Probe("Configs", "POST", "/api/v1/configs", "{", Access.ADMIN),
            new Probe("Configs", "PUT", "/api/v1/configs/" + ID, "{", Access.ADMIN),
            new Probe("Configs", "DELETE", "/api/v1/configs/" + ID, null, Access.ADMIN),
            new Probe("Configs", "POST", "/api/v1/configs/" + ID + "/$link-artifact", "{", Access.ADMIN),
            new Probe("Configs", "GET", "/api/v1/config-types", null, Access.VIEWER),
            new Probe("Configs", "GET", "/api/v1/config-types/scenario/configs", null, Access.VIEWER),
            new Probe(
                    "Configs", "GET", "/api/v1/config-types/scenario/configs/" + ID + "/versions", null, Access.VIEWER),
            new Probe("Configs", "POST", "/api/v1/config-types/scenario/configs", "{", Access.ADMIN),
            new Probe("Configs", "PUT", "/api/v1/config-types/scenario/configs/" + ID, "{", Access.ADMIN),
            new Probe("Configs", "DELETE", "/api/v1/config-types/scenario/configs/" + ID, null, Access.ADMIN),
            new Probe(
                    "Configs", "POST", "/api/v1/config-types/scenario/configs/" + ID + "/$rollback", "{", Access.ADMIN),
            new Probe("Artifacts", "GET", "/api/v1/artifacts", null, Access.VIEWER),
            new Probe("Artifacts", "GET", "/api/v1/artifacts/" + ID + "/$tree", null, Access.VIEWER),
            new Probe("Artifacts", "GET", "/api/v1/artifacts/" + ID + "/$download", null, Access.VIEWER),
            new Probe("Artifacts", "POST", "/api/v1/artifacts", "{", Access.ADMIN),
            new Probe("Artifacts", "DELETE", "/api/v1/artifacts/" + ID, null, Access.ADMIN),
            new Probe("Artifacts", "PUT", "/api/v1/artifacts/" + ID + "/$content", "x", Access.ADMIN),
            new Probe("Jobs", "GET", "/api/v1/jobs", null, Access.VIEWER),
            new Probe("Jobs", "GET", "/api/v1/jobs/" + ID, null, Access.VIEWER),
            new Probe("Jobs", "GET", "/api/v1/jobs/" + ID + "/$stream", null, Access.VIEWER),
            new Probe("Jobs", "GET", "/api/v1/jobs/" + ID + "/$run-log", null, Access.VIEWER),
            new Probe("Jobs", "GET", "/api/v1/jobs/" + ID + "/$attempts", null, Access.VIEWER),
            new Probe("Jobs", "DELETE", "/api/v1/jobs/" + ID, null, Access.OPERATOR),
            new Probe(
                    "ML", "GET", "/api/v1/ml/$generate-sample-data?num_locations=1&num_periods=2", null, Access.VIEWER),
            new Probe("ML", "POST", "/api/v1/ml/$validate", "{", Access.OPERATOR),
            new Probe("ML", "POST", "/api/v1/ml/$train", "{", Access.OPERATOR),
            new Probe("ML", "POST", "/api/v1/ml/$predict", "{", Access.OPERATOR),
            new Probe("Tasks", "GET", "/api/v1/tasks", null, Access.VIEWER),
            new Probe("Tasks", "POST", "/api/v1/tasks/no-such-task/$execute", "{", Access.OPERATOR),
            new Probe("Tasks", "POST", "/api/v1/tasks/no-such-task/$disable", null, Access.ADMIN),
            new Probe("Tasks", "DELETE", "/api/v1/tasks/$orphaned/no-such-task", null, Access.ADMIN),
            new Probe("Schedules", "GET", "/api/v1/schedules", null, Access.VIEWER),
            new Probe("Schedules", "POST", "/api/v1/schedules", "{", Access.ADMIN),
            new Probe("Schedules", "POST", "/api/v1/schedules/" + ID + "/$trigger", null, Access.OPERATOR),
            new Probe("Schedules", "DELETE", "/api/v1/schedules/" + ID, null, Access.ADMIN),
            new Probe("Keys", "GET", "/api/v1/keys", null, Access.ADMIN),
            new Probe("Keys", "POST", "/api/v1/keys", "{", Access.ADMIN),
            new Probe("Keys", "DELETE", "/api/v1/keys/" + ID, null, Access.ADMIN),
            new Probe("Audit", "GET", "/api/v1/audit", null, Access.ADMIN),
            new Probe("Application", "GET", "/test/items/$schema", null, Access.VIEWER),
            new Probe("Unlisted", "POST", "/no/such/endpoint", "{}", Access.ADMIN));

    abstract static class Contract extends SecuredServiceTestBase {

        static final JsonMapper MAPPER = JsonMapper.builder().build();
        static final HttpClient CLIENT =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        @LocalServerPort
        int port;

        @Autowired
        ApiKeyStore keyStore;

        HttpApi api;
        String managedOperatorKey;
        String revokedKey;
        String expiredKey;

        @BeforeEach
        void keys() {
            api = new HttpApi(port);
            managedOperatorKey =
                    createKey("matrix-operator", "operator").get("secret").asString();
            JsonNode revoked = createKey("matrix-revoked", "admin");
            revokedKey = revoked.get("secret").asString();
            HttpApi.Response revoke = api.send(HttpRequest.newBuilder(
                            api.uri("/api/v1/keys/" + revoked.get("id").asString()))
                    .header("X-API-Key", SecuredService.ADMIN_KEY)
                    .DELETE());
            assertThat(revoke.status()).as(revoke.toString()).isEqualTo(204);
            expiredKey = "ck_expired-" + Ulids.newUlid();
            Instant past = Instant.now().minus(Duration.ofHours(2));
            keyStore.insert(
                    new ApiKey(
                            Ulids.newUlid(), "matrix-expired", Role.ADMIN, "ck_expi", past, past.plusSeconds(60), null),
                    KeyDigest.hex(expiredKey));
        }

        JsonNode createKey(String name, String role) {
            HttpApi.Response created = api.send(HttpRequest.newBuilder(api.uri("/api/v1/keys"))
                    .header("X-API-Key", SecuredService.ADMIN_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}")));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            return created.json();
        }

        @ParameterizedTest
        @EnumSource(Credential.class)
        void everyEndpointFamilyAnswersEachCallerByTheRoleTable(Credential credential) {
            SoftAssertions softly = new SoftAssertions();
            for (Probe probe : PROBES) {
                if (probe.access() == Access.PUBLIC && credential.badToken()) {
                    continue; // a rejected bearer token is refused before the exempt paths are considered
                }
                Answer answer = call(probe, credential);
                String what = credential + " " + probe.method() + " " + probe.path() + " -> " + answer;
                if (probe.access() == Access.PUBLIC) {
                    softly.assertThat(answer.status()).as(what).isNotIn(401, 403);
                } else if (credential.unauthenticated()) {
                    softly.assertThat(answer.status()).as(what).isEqualTo(401);
                    softly.assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
                    softly.assertThat(answer.detail()).as(what).isEqualTo(expectedDetail(credential));
                } else if (credential.role() != null
                        && credential.role().includes(probe.access().role().orElseThrow())) {
                    softly.assertThat(answer.status()).as(what).isNotIn(401, 403);
                } else {
                    softly.assertThat(answer.status()).as(what).isEqualTo(403);
                    softly.assertThat(answer.type()).as(what).isEqualTo("urn:servicekit:error:forbidden");
                }
            }
            softly.assertAll();
        }

        static String expectedDetail(Credential credential) {
            return switch (credential) {
                case NONE -> "Missing authentication header: X-API-Key";
                case WRONG_KEY, REVOKED_KEY, EXPIRED_KEY -> "Invalid API key";
                default -> "Invalid bearer token";
            };
        }

        @Test
        void missingKeyIsServicekitsProblemDocument() {
            Answer answer = call(new Probe("Configs", "GET", "/api/v1/configs", null, Access.VIEWER), Credential.NONE);
            JsonNode body = MAPPER.readTree(answer.body());
            assertThat(answer.status()).isEqualTo(401);
            assertThat(body.get("type").asString()).isEqualTo("urn:servicekit:error:unauthorized");
            assertThat(body.get("title").asString()).isEqualTo("Unauthorized");
            assertThat(body.get("status").asInt()).isEqualTo(401);
            assertThat(body.get("detail").asString()).isEqualTo("Missing authentication header: X-API-Key");
            assertThat(body.get("instance").asString()).isEqualTo("/api/v1/configs");
        }

        @Test
        void pathTricksNeverReachAProtectedEndpointWithoutTheRole() {
            SoftAssertions softly = new SoftAssertions();
            for (String path : List.of(
                    "/health/../api/v1/configs",
                    "/health/%2e%2e/api/v1/configs",
                    "/health/%2E%2E/api/v1/configs",
                    "/api/v1/configs/",
                    "/api/v1/configs;x=1",
                    "//api/v1/configs",
                    "/API/v1/configs",
                    "/health/%2F..%2Fapi/v1/configs",
                    "/./api/v1/keys",
                    "/api/v1/keys/")) {
                Answer anonymous = call(new Probe("tricks", "GET", path, null, Access.VIEWER), Credential.NONE);
                softly.assertThat(anonymous.status())
                        .as("GET " + path + " -> " + anonymous)
                        .isIn(400, 401, 404);
                softly.assertThat(anonymous.body()).as("GET " + path).doesNotContain("\"items\"", "\"data\"");
                Answer viewer = call(new Probe("tricks", "GET", path, null, Access.VIEWER), Credential.VIEWER_KEY);
                if (path.contains("keys")) {
                    softly.assertThat(viewer.status())
                            .as("viewer GET " + path + " -> " + viewer)
                            .isIn(400, 403, 404);
                }
            }
            for (String path : List.of("/api/v1/ml/%24train", "/api/v1/ml/$train/", "/api/v1/ml/%24train/")) {
                Answer viewer = call(new Probe("tricks", "POST", path, "{", Access.OPERATOR), Credential.VIEWER_KEY);
                softly.assertThat(viewer.status())
                        .as("viewer POST " + path + " -> " + viewer)
                        .isIn(400, 403);
                Answer anonymous = call(new Probe("tricks", "POST", path, "{", Access.OPERATOR), Credential.NONE);
                softly.assertThat(anonymous.status())
                        .as("POST " + path + " -> " + anonymous)
                        .isIn(400, 401);
            }
            Answer encoded = call(
                    new Probe("tricks", "POST", "/api/v1/ml/%24validate", "{", Access.OPERATOR),
                    Credential.OPERATOR_KEY);
            softly.assertThat(encoded.status())
                    .as("operator POST %24validate -> " + encoded)
                    .isNotIn(401, 403, 404);
            Answer deleteSlash = call(
                    new Probe("tricks", "DELETE", "/api/v1/configs/" + ID + "/", null, Access.ADMIN),
                    Credential.OPERATOR_KEY);
            softly.assertThat(deleteSlash.status())
                    .as("operator DELETE …/ -> " + deleteSlash)
                    .isIn(400, 403);
            softly.assertAll();
        }

        @Test
        void oversizedAndRepeatedKeysAreRefused() {
            String huge = "k".repeat(6000);
            assertThat(send(HttpRequest.newBuilder(api.uri("/api/v1/configs"))
                                    .header("X-API-Key", huge)
                                    .GET())
                            .status())
                    .isEqualTo(401);
            Answer repeated = send(HttpRequest.newBuilder(api.uri("/api/v1/configs"))
                    .header("X-API-Key", SecuredService.ADMIN_KEY)
                    .header("X-API-Key", "wrong")
                    .GET());
            assertThat(repeated.status()).isEqualTo(401);
            assertThat(repeated.detail()).isEqualTo("Invalid API key");
        }

        @Test
        void managedKeysAreListedWithoutSecretsAndStoredHashed() {
            JsonNode created = createKey("listed", "viewer");
            String secret = created.get("secret").asString();
            assertThat(secret).startsWith("ck_").hasSizeGreaterThan(40);
            assertThat(created.get("prefix").asString()).isEqualTo(secret.substring(0, 7));
            HttpApi.Response list = api.send(
                    HttpRequest.newBuilder(api.uri("/api/v1/keys")).header("X-API-Key", SecuredService.ADMIN_KEY));
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body())
                    .contains(created.get("id").asString())
                    .doesNotContain(secret)
                    .doesNotContain("secret");
            assertThat(keyStore.findByHash(KeyDigest.hex(secret))).isPresent();
            HttpApi.Response viewerUse =
                    api.send(HttpRequest.newBuilder(api.uri("/api/v1/configs")).header("X-API-Key", secret));
            assertThat(viewerUse.status()).isEqualTo(200);
            HttpApi.Response bad = api.send(HttpRequest.newBuilder(api.uri("/api/v1/keys"))
                    .header("X-API-Key", SecuredService.ADMIN_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"\",\"role\":\"root\"}")));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("name").contains("role");
        }

        Answer call(Probe probe, Credential credential) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + probe.path()));
            if (probe.body() != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(
                    probe.method(),
                    probe.body() == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(probe.body()));
            TestJwks jwks = TestJwks.get();
            switch (credential) {
                case NONE -> {}
                case VIEWER_KEY -> request.header("X-API-Key", SecuredService.VIEWER_KEY);
                case OPERATOR_KEY -> request.header("X-API-Key", SecuredService.OPERATOR_KEY);
                case ADMIN_KEY -> request.header("X-API-Key", SecuredService.ADMIN_KEY);
                case MANAGED_OPERATOR_KEY -> request.header("X-API-Key", managedOperatorKey);
                case WRONG_KEY -> request.header("X-API-Key", SecuredService.ADMIN_KEY + "x");
                case REVOKED_KEY -> request.header("X-API-Key", revokedKey);
                case EXPIRED_KEY -> request.header("X-API-Key", expiredKey);
                case VIEWER_JWT -> bearer(request, jwks.token("alice", List.of("viewer")));
                case OPERATOR_JWT -> bearer(request, jwks.token("bob", List.of("operator")));
                case ADMIN_JWT -> bearer(request, jwks.token("carol", List.of("viewer", "admin")));
                case JWT_WITHOUT_ROLE -> bearer(request, jwks.token("dave", List.of("reader")));
                case JWT_FROM_UNKNOWN_KEY -> bearer(request, jwks.tokenFromUnknownKey("eve", List.of("admin")));
                case EXPIRED_JWT -> bearer(request, jwks.expiredToken("carol", List.of("admin")));
            }
            return send(request);
        }

        private static void bearer(HttpRequest.Builder request, String token) {
            request.header("Authorization", "Bearer " + token);
        }

        /** Sends without waiting for the end of an endless (SSE) body when the request was allowed. */
        static Answer send(HttpRequest.Builder request) {
            try {
                HttpResponse<InputStream> response = CLIENT.send(
                        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofInputStream());
                String contentType =
                        response.headers().firstValue("Content-Type").orElse("");
                try (InputStream body = response.body()) {
                    String text = contentType.startsWith("text/event-stream")
                            ? ""
                            : new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                    return new Answer(response.statusCode(), contentType, text);
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

    /** A response as far as the matrix needs it. */
    record Answer(int status, String contentType, String body) {

        String detail() {
            JsonNode node = json();
            String detail = node == null || node.get("detail") == null
                    ? ""
                    : node.get("detail").asString();
            return detail.startsWith("Invalid bearer token") ? "Invalid bearer token" : detail;
        }

        String type() {
            JsonNode node = json();
            return node == null || node.get("type") == null
                    ? ""
                    : node.get("type").asString();
        }

        private JsonNode json() {
            try {
                return body.isEmpty() ? null : Contract.MAPPER.readTree(body);
            } catch (RuntimeException ex) {
                return null;
            }
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }
}
