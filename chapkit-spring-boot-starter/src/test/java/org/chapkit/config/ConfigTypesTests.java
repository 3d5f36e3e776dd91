package org.chapkit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chapkit.id.Ulids;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Several config types over a real port: the test service's default type ({@code TestModelConfig},
 * {@code /api/v1/configs}) and {@code scenario} ({@code TestScenarioConfig}, from
 * {@code chapkit.config.additional-types.scenario}), each with its own schema and its own configs.
 */
class ConfigTypesTests {

    private static final String SCENARIOS = "/api/v1/config-types/scenario/configs";

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Contract {}

    abstract static class Contract {

        @LocalServerPort
        int port;

        @Autowired
        JdbcClient jdbc;

        HttpApi api;

        @BeforeEach
        void connect() {
            api = new HttpApi(port);
        }

        @Test
        void theTypesAreListedWithTheirSchemasTheDefaultFirst() {
            JsonNode types = api.get("/api/v1/config-types").json();
            assertThat(types).extracting(t -> t.get("name").asString()).containsExactly("default", "scenario");
            JsonNode defaultType = types.get(0);
            assertThat(defaultType.get("default").asBoolean()).isTrue();
            assertThat(defaultType.get("title").asString()).isEqualTo("TestModelConfig");
            assertThat(defaultType.get("configs").asString()).isEqualTo("/api/v1/configs");
            assertThat(defaultType.get("schema"))
                    .isEqualTo(api.get("/api/v1/configs/$schema").json());
            assertThat(defaultType.get("schema").get("properties").has("n_lags"))
                    .isTrue();

            JsonNode scenario = api.get("/api/v1/config-types/scenario").json();
            assertThat(scenario).isEqualTo(types.get(1));
            assertThat(scenario.get("default").asBoolean()).isFalse();
            assertThat(scenario.get("title").asString()).isEqualTo("TestScenarioConfig");
            assertThat(scenario.get("configs").asString()).isEqualTo(SCENARIOS);
            assertThat(scenario.get("schema").get("properties").has("rainfall_factor"))
                    .isTrue();
            assertThat(scenario.get("schema").get("properties").has("n_lags")).isFalse();
            assertThat(api.get(SCENARIOS + "/$schema").json()).isEqualTo(scenario.get("schema"));
            assertThat(api.get("/api/v1/config-types/default/configs/$schema").json())
                    .isEqualTo(defaultType.get("schema"));

            assertProblem(api.get("/api/v1/config-types/nope"), 404, "default, scenario");
            assertProblem(api.get("/api/v1/config-types/nope/configs"), 404, "Config type 'nope' not found");
        }

        @Test
        void eachTypeValidatesAgainstItsOwnSchemaAndKeepsItsOwnConfigs() {
            HttpApi.Response created = api.postJson(SCENARIOS, "{\"name\":\"wet\",\"data\":{\"rainfall_factor\":1.5}}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.json().get("id").asString();
            assertThat(created.header("Location").orElseThrow()).endsWith(SCENARIOS + "/" + id);
            assertThat(created.header("ETag")).contains("\"1\"");
            JsonNode data = created.json().get("data");
            assertThat(data.get("rainfall_factor").asDouble()).isEqualTo(1.5);
            assertThat(data.get("label").asString()).isEqualTo("baseline");
            assertThat(data.get("prediction_periods").asInt()).isEqualTo(3);
            assertThat(data.has("n_lags")).isFalse();

            HttpApi.Response invalid =
                    api.postJson(SCENARIOS, "{\"name\":\"x\",\"data\":{\"rainfall_factor\":20,\"n_lags\":\"abc\"}}");
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.contentType()).startsWith("application/problem+json");
            assertThat(fields(invalid)).containsExactly("data.rainfall_factor");
            HttpApi.Response defaultInvalid =
                    api.postJson("/api/v1/configs", "{\"name\":\"x\",\"data\":{\"n_lags\":\"abc\"}}");
            assertThat(fields(defaultInvalid)).containsExactly("data.n_lags");

            String model = api.postJson("/api/v1/configs", "{\"name\":\"model\",\"data\":{}}")
                    .json()
                    .get("id")
                    .asString();
            assertThat(ids(api.get(SCENARIOS).json())).contains(id).doesNotContain(model);
            assertThat(ids(api.get("/api/v1/configs").json())).contains(model).doesNotContain(id);
            assertThat(ids(api.get("/api/v1/config-types/default/configs").json()))
                    .contains(model)
                    .doesNotContain(id);
            assertThat(api.get(SCENARIOS + "/" + id).json().get("data")).isEqualTo(data);
            assertProblem(api.get("/api/v1/configs/" + id), 404, id);
            assertProblem(api.get(SCENARIOS + "/" + model), 404, model);
            assertThat(api.get("/api/v1/config-types/default/configs/" + model).status())
                    .isEqualTo(200);
            long scenarios = api.get(SCENARIOS + "/$stats").json().get("total").asLong();
            assertThat(scenarios).isEqualTo(api.get(SCENARIOS).json().size());
            assertThat(api.get("/api/v1/configs/$stats").json().get("total").asLong())
                    .isEqualTo(api.get("/api/v1/configs").json().size());
            JsonNode page = api.get(SCENARIOS + "?page=1&size=1").json();
            assertThat(page.get("total").asLong()).isEqualTo(scenarios);

            HttpApi.Response takenId =
                    api.postJson(SCENARIOS, "{\"id\":\"" + model + "\",\"name\":\"steal\",\"data\":{}}");
            assertProblem(takenId, 409, "of type 'default'");
            assertThat(api.get("/api/v1/configs/" + model).json().get("name").asString())
                    .isEqualTo("model");
            assertThat(api.send("DELETE", SCENARIOS + "/" + model, null, null).status())
                    .isEqualTo(404);
            assertThat(api.send("DELETE", "/api/v1/configs/" + id, null, null).status())
                    .isEqualTo(404);
            assertThat(api.send("DELETE", SCENARIOS + "/" + id, null, null).status())
                    .isEqualTo(204);
            assertThat(api.get(SCENARIOS + "/" + id).status()).isEqualTo(404);
        }

        @Test
        void aTypesConfigsHaveVersionsDiffsAndRollbacks() {
            String id = api.postJson(SCENARIOS, "{\"name\":\"v1\",\"data\":{\"label\":\"dry\"}}")
                    .json()
                    .get("id")
                    .asString();
            HttpApi.Response updated = api.send(
                    "PUT", SCENARIOS + "/" + id, "application/json", "{\"name\":\"v2\",\"data\":{\"label\":\"wet\"}}");
            assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
            HttpApi.Response badUpdate = api.send(
                    "PUT",
                    SCENARIOS + "/" + id,
                    "application/json",
                    "{\"name\":\"v3\",\"data\":{\"rainfall_factor\":-1}}");
            assertThat(fields(badUpdate)).containsExactly("data.rainfall_factor");

            JsonNode versions = api.get(SCENARIOS + "/" + id + "/versions").json();
            assertThat(versions).extracting(v -> v.get("name").asString()).containsExactly("v1", "v2");
            long first = versions.get(0).get("version").asLong();
            assertThat(api.get(SCENARIOS + "/" + id + "/versions/" + first).json())
                    .isEqualTo(versions.get(0));
            JsonNode diff =
                    api.get(SCENARIOS + "/" + id + "/$diff?from=" + first).json();
            assertThat(diff.get("changes"))
                    .extracting(change -> change.get("path").asString())
                    .containsExactly("name", "/data/label");

            HttpApi.Response stale = api.send(HttpRequest.newBuilder(api.uri(SCENARIOS + "/" + id + "/$rollback"))
                    .header("Content-Type", "application/json")
                    .header("If-Match", "\"" + first + "\"")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"version\":" + first + "}")));
            assertThat(stale.status()).isIn(409, 412);
            HttpApi.Response rolledBack =
                    api.postJson(SCENARIOS + "/" + id + "/$rollback", "{\"version\":" + first + "}");
            assertThat(rolledBack.status()).as(rolledBack.toString()).isEqualTo(200);
            assertThat(rolledBack.json().get("data").get("label").asString()).isEqualTo("dry");
            assertThat(api.get(SCENARIOS + "/" + id + "/versions").json()).hasSize(3);
            assertProblem(api.get("/api/v1/configs/" + id + "/versions"), 404, id);
            assertProblem(api.postJson("/api/v1/configs/" + id + "/$rollback", "{\"version\":1}"), 404, id);
        }

        @Test
        void rowsWrittenBeforeTheTypeColumnAreTheDefaultTypes() {
            String id = Ulids.newUlid();
            java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
            jdbc.sql("INSERT INTO configs (id, name, data, tags, version, created_at, updated_at)"
                            + " VALUES (?, 'legacy', '{}', '[]', 1, ?, ?)")
                    .params(id, now, now)
                    .update();
            assertThat(api.get("/api/v1/configs/" + id).status()).isEqualTo(200);
            assertThat(api.get(SCENARIOS + "/" + id).status()).isEqualTo(404);
        }

        private static List<String> ids(JsonNode configs) {
            List<String> ids = new ArrayList<>();
            configs.forEach(c -> ids.add(c.get("id").asString()));
            return ids;
        }

        private static List<String> fields(HttpApi.Response response) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            List<String> fields = new ArrayList<>();
            response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
            return fields;
        }

        private static void assertProblem(HttpApi.Response response, int status, String detail) {
            assertThat(response.status()).as(response.toString()).isEqualTo(status);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).contains(detail);
        }
    }
}
