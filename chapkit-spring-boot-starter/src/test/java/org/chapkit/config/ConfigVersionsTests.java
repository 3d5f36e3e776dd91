package org.chapkit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Config versioning over HTTP: every create and update keeps a version, versions are listed and diffed, and a
 * rollback restores an old version as a new one, while {@code /api/v1/configs} answers as before.
 */
class ConfigVersionsTests {

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Contract {}

    abstract static class Contract {

        @LocalServerPort
        int port;

        HttpApi api;

        @BeforeEach
        void connect() {
            api = new HttpApi(port);
        }

        @Test
        void updatesKeepTheirVersionsWhichDiffAndRollBack() {
            JsonNode created = api.postJson("/api/v1/configs", "{\"name\":\"v1\",\"data\":{\"n_lags\":2}}")
                    .json();
            String id = created.get("id").asString();
            assertThat(put(id, "{\"name\":\"v2\",\"data\":{\"n_lags\":4}}").status())
                    .isEqualTo(200);
            var third = put(id, "{\"name\":\"v2\",\"tags\":[\"tuned\"],\"data\":{\"n_lags\":4,\"smoothing\":0.9}}");
            assertThat(third.status()).isEqualTo(200);
            assertThat(third.json().get("data").get("smoothing").asDouble()).isEqualTo(0.9);

            JsonNode versions = api.get("/api/v1/configs/" + id + "/versions").json();
            assertThat(versions).hasSize(3);
            long first = versions.get(0).get("version").asLong();
            long last = versions.get(2).get("version").asLong();
            assertThat(versions.get(0).get("name").asString()).isEqualTo("v1");
            assertThat(versions.get(0).get("data").get("n_lags").asInt()).isEqualTo(2);
            assertThat(versions.get(1).get("data").get("n_lags").asInt()).isEqualTo(4);
            assertThat(api.get("/api/v1/configs/" + id + "/versions/" + first).json())
                    .isEqualTo(versions.get(0));

            JsonNode diff =
                    api.get("/api/v1/configs/" + id + "/$diff?from=" + first).json();
            assertThat(diff.get("to_version").asLong()).isEqualTo(last);
            assertThat(diff.get("changes"))
                    .extracting(change -> change.get("path").asString())
                    .containsExactly("name", "tags", "/data/n_lags", "/data/smoothing");
            JsonNode lags = diff.get("changes").get(2);
            assertThat(lags.get("from").asInt()).isEqualTo(2);
            assertThat(lags.get("to").asInt()).isEqualTo(4);

            var stale = api.send(HttpRequest.newBuilder(api.uri("/api/v1/configs/" + id + "/$rollback"))
                    .header("Content-Type", "application/json")
                    .header("If-Match", "\"" + first + "\"")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"version\":" + first + "}")));
            assertThat(stale.status()).isIn(409, 412);
            var rolledBack = api.postJson("/api/v1/configs/" + id + "/$rollback", "{\"version\":" + first + "}");
            assertThat(rolledBack.status()).as(rolledBack.toString()).isEqualTo(200);
            assertThat(rolledBack.json().get("name").asString()).isEqualTo("v1");
            assertThat(rolledBack.json().get("data").get("n_lags").asInt()).isEqualTo(2);
            assertThat(rolledBack.json().get("tags")).isEmpty();
            JsonNode current = api.get("/api/v1/configs/" + id).json();
            assertThat(current.get("data")).isEqualTo(rolledBack.json().get("data"));
            JsonNode after = api.get("/api/v1/configs/" + id + "/versions").json();
            assertThat(after).hasSize(4);
            assertThat(after.get(3).get("version").asLong()).isGreaterThan(last);
            assertThat(api.get("/api/v1/configs/" + id + "/$diff?from=" + first + "&to="
                                    + after.get(3).get("version").asLong())
                            .json()
                            .get("changes"))
                    .isEmpty();
        }

        @Test
        void unknownVersionsAndConfigsAreProblems() {
            String id = api.postJson("/api/v1/configs", "{\"name\":\"x\",\"data\":{}}")
                    .json()
                    .get("id")
                    .asString();
            assertProblem(api.get("/api/v1/configs/" + id + "/versions/999"), 404, "no version 999");
            assertProblem(
                    api.postJson("/api/v1/configs/" + id + "/$rollback", "{\"version\":999}"), 404, "no version 999");
            assertProblem(api.postJson("/api/v1/configs/" + id + "/$rollback", "{}"), 400, "version");
            assertThat(api.send("DELETE", "/api/v1/configs/" + id, null, null).status())
                    .isEqualTo(204);
            assertProblem(api.get("/api/v1/configs/" + id + "/versions"), 404, id);
        }

        private HttpApi.Response put(String id, String body) {
            return api.send("PUT", "/api/v1/configs/" + id, "application/json", body);
        }

        private static void assertProblem(HttpApi.Response response, int status, String detail) {
            assertThat(response.status()).as(response.toString()).isEqualTo(status);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).contains(detail);
        }
    }
}
