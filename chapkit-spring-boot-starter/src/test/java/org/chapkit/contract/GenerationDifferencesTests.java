package org.chapkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.chapkit.StoredConfigsAndArtifacts;
import org.chapkit.TestHealthSwitch;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One test per difference between the contract generations: each states what generation 1 (chapkit 1.x) and
 * generation 2 (chapkit 2.x) answer, and runs on generation 1 (H2) and generation 2 (H2 and PostgreSQL).
 */
class GenerationDifferencesTests {

    @Nested
    @ServiceTestOnH2
    class Generation1OnH2 extends Table {
        @Override
        int generation() {
            return 1;
        }
    }

    @Nested
    @ServiceTestOnH2
    @TestPropertySource(properties = "chapkit.contract.generation=2")
    class Generation2OnH2 extends Table {
        @Override
        int generation() {
            return 2;
        }
    }

    @Nested
    @ServiceTestOnPostgres
    @TestPropertySource(properties = "chapkit.contract.generation=2")
    class Generation2OnPostgres extends Table {
        @Override
        int generation() {
            return 2;
        }
    }

    abstract static class Table {

        private static final String ID = "01K72P5N5KCRM6MD3BRE4P0ABC";

        @LocalServerPort
        int port;

        @Autowired
        JdbcClient jdbc;

        @Autowired
        TestHealthSwitch healthSwitch;

        HttpApi api;

        /** The generation the nested class's service speaks. */
        abstract int generation();

        /** The expectation of this generation: {@code first} for generation 1, {@code second} for generation 2. */
        <T> T expected(T first, T second) {
            return generation() == 1 ? first : second;
        }

        @BeforeEach
        void connectAndClean() {
            api = new HttpApi(port);
            StoredConfigsAndArtifacts.deleteAll(jdbc);
        }

        @Test
        void postNamingAnExistingConfigUpsertsOrIsRefusedWith409NamingTheConstraint() {
            createConfig(ID, "first");

            HttpApi.Response again = api.postJson(
                    "/api/v1/configs", "{\"id\":\"" + ID + "\",\"name\":\"second\",\"data\":{\"n_lags\":1}}");

            assertThat(again.status()).as(again.toString()).isEqualTo(expected(201, 409));
            String storedName = jdbc.sql("SELECT name FROM configs WHERE id = ?")
                    .param(ID)
                    .query(String.class)
                    .single();
            assertThat(storedName).isEqualTo(expected("second", "first"));
            if (generation() == 2) {
                assertThat(again.contentType()).startsWith("application/problem+json");
                assertThat(again.json().get("type").asString()).isEqualTo("urn:servicekit:error:conflict");
                assertThat(again.json().get("constraint").asString()).isEqualTo("configs_pkey");
                assertTraced(again, "/api/v1/configs");
            }
        }

        @Test
        void postNamingAnExistingArtifactUpsertsOrIsRefusedWith409() {
            assertThat(api.postJson("/api/v1/artifacts", "{\"id\":\"" + ID + "\",\"data\":{\"v\":1}}")
                            .status())
                    .isEqualTo(201);

            HttpApi.Response again = api.postJson("/api/v1/artifacts", "{\"id\":\"" + ID + "\",\"data\":{\"v\":2}}");

            assertThat(again.status()).isEqualTo(expected(201, 409));
            assertThat(api.get("/api/v1/artifacts/" + ID)
                            .json()
                            .get("data")
                            .get("v")
                            .asInt())
                    .isEqualTo(expected(2, 1));
        }

        @Test
        void putWithOnlyANameNeedsDataOrChangesJustTheName() {
            createConfig(ID, "first");

            HttpApi.Response renamed = put("/api/v1/configs/" + ID, "{\"name\":\"renamed\"}", null);

            assertThat(renamed.status()).as(renamed.toString()).isEqualTo(expected(400, 200));
            JsonNode stored = api.get("/api/v1/configs/" + ID).json();
            assertThat(stored.get("name").asString()).isEqualTo(expected("first", "renamed"));
            assertThat(stored.get("data").get("n_lags").asInt()).isEqualTo(2);
            assertThat(stored.get("tags").get(0).asString()).isEqualTo("a");
        }

        @Test
        void putWithExplicitNullParentMakesTheArtifactARootOnlyInGeneration2() {
            api.postJson("/api/v1/artifacts", "{\"id\":\"01K72P5N5KCRM6MD3BRE4P0AAA\",\"data\":{}}");
            api.postJson(
                    "/api/v1/artifacts",
                    "{\"id\":\"" + ID + "\",\"parent_id\":\"01K72P5N5KCRM6MD3BRE4P0AAA\",\"data\":{\"keep\":true}}");

            HttpApi.Response moved = put("/api/v1/artifacts/" + ID, "{\"parent_id\":null}", null);

            assertThat(moved.status()).as(moved.toString()).isEqualTo(expected(400, 200));
            JsonNode stored = api.get("/api/v1/artifacts/" + ID).json();
            assertThat(stored.get("parent_id").isNull()).isEqualTo(expected(false, true));
            assertThat(stored.get("level").asInt()).isEqualTo(expected(1, 0));
            assertThat(stored.get("data").get("keep").asBoolean()).isTrue();
        }

        @Test
        void putWithAStaleIfMatchAnswers409Or412AndWritesNothing() {
            createConfig(ID, "first");
            put("/api/v1/configs/" + ID, "{\"name\":\"second\",\"data\":{}}", "\"1\"");

            HttpApi.Response stale = put("/api/v1/configs/" + ID, "{\"name\":\"third\",\"data\":{}}", "\"1\"");

            assertThat(stale.status()).isEqualTo(expected(409, 412));
            assertThat(stale.json().get("type").asString())
                    .isEqualTo(expected("urn:servicekit:error:conflict", "urn:chapkit:error:precondition-failed"));
            assertThat(api.get("/api/v1/configs/" + ID).json().get("name").asString())
                    .isEqualTo("second");
        }

        @Test
        void invalidConfigDataAnswers400WithFieldErrorsOr422WithFastApiErrors() {
            HttpApi.Response invalid = api.postJson(
                    "/api/v1/configs", "{\"name\":\"x\",\"data\":{\"n_lags\":\"abc\",\"method\":\"cubic\"}}");

            assertThat(invalid.status()).isEqualTo(expected(400, 422));
            assertThat(invalid.json().get("type").asString()).isEqualTo("urn:servicekit:error:validation-failed");
            JsonNode first = invalid.json().get("errors").get(0);
            if (generation() == 1) {
                assertThat(names(first)).containsExactly("field", "message");
                assertThat(invalid.json().has("trace_id")).isFalse();
            } else {
                assertThat(names(first)).containsExactly("loc", "type", "msg");
                List<String> locs = new ArrayList<>();
                invalid.json().get("errors").forEach(e -> locs.add(e.get("loc").toString()));
                assertThat(locs)
                        .containsExactlyInAnyOrder("[\"body\",\"data\",\"n_lags\"]", "[\"body\",\"data\",\"method\"]");
                assertTraced(invalid, "/api/v1/configs");
            }
            assertThat(count("configs")).isZero();
        }

        @Test
        void pageZeroAnswers400Or422WithAQueryLocation() {
            HttpApi.Response page = api.get("/api/v1/configs?page=0&size=10");

            assertThat(page.status()).isEqualTo(expected(400, 422));
            if (generation() == 2) {
                assertThat(page.json().get("errors").get(0).get("loc").toString())
                        .isEqualTo("[\"query\",\"page\"]");
            }
        }

        @Test
        void malformedJsonAnswers400Or422AtTheBody() {
            HttpApi.Response malformed = api.postJson("/api/v1/configs", "{\"name\":");

            assertThat(malformed.status()).isEqualTo(expected(400, 422));
            if (generation() == 2) {
                JsonNode error = malformed.json().get("errors").get(0);
                assertThat(error.get("loc").toString()).isEqualTo("[\"body\"]");
                assertThat(error.get("type").asString()).isEqualTo("json_invalid");
            }
        }

        @Test
        void notFoundCarriesTheLoggedRequestIdAsTraceIdOnlyInGeneration2() {
            HttpApi.Response missing = api.send(HttpRequest.newBuilder(api.uri("/api/v1/configs/" + ID))
                    .header("X-Request-ID", "trace-me-123")
                    .GET());

            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("instance").asString()).isEqualTo("/api/v1/configs/" + ID);
            assertThat(missing.json().has("trace_id")).isEqualTo(expected(false, true));
            if (generation() == 2) {
                assertThat(missing.json().get("trace_id").asString()).isEqualTo("trace-me-123");
            }
        }

        @Test
        void unhealthyServiceAnswers200Or503WithTheSameBody() {
            healthSwitch.setDown(true);
            try {
                HttpApi.Response health = api.get("/health");

                assertThat(health.status()).isEqualTo(expected(200, 503));
                assertThat(health.json().get("status").asString()).isEqualTo("unhealthy");
                assertThat(health.json()
                                .get("checks")
                                .get("testSwitch")
                                .get("state")
                                .asString())
                        .isEqualTo("unhealthy");
            } finally {
                healthSwitch.setDown(false);
            }
            assertThat(api.get("/health").status()).isEqualTo(200);
        }

        @Test
        void infoHasExactlyThe1xKeysOrAddsThe2xKeys() {
            JsonNode info = api.get("/api/v1/info").json();

            List<String> v1 = List.of(
                    "id",
                    "display_name",
                    "version",
                    "description",
                    "model_metadata",
                    "period_type",
                    "min_prediction_periods",
                    "max_prediction_periods",
                    "allow_free_additional_continuous_covariates",
                    "required_covariates",
                    "requires_geo");
            List<String> v2 = new ArrayList<>(v1);
            v2.addAll(List.of("target", "hpo_search_space", "git_revision", "chapkit_version", "servicekit_version"));
            assertThat(names(info)).containsExactlyElementsOf(expected(v1, v2));
            if (generation() == 2) {
                assertThat(info.get("target").asString()).isEqualTo("disease_cases");
                assertThat(info.get("chapkit_version").asString()).isNotBlank();
            }
        }

        @Test
        void sampleDataIgnoresOrRefusesAnUnknownOrMalformedConfigIdAndAddsAKnownConfigsCovariates() {
            String unknown = "/api/v1/ml/$generate-sample-data?num_locations=1&num_periods=2&config_id=" + ID;
            assertThat(api.get(unknown).status()).isEqualTo(expected(200, 404));
            assertThat(api.get("/api/v1/ml/$generate-sample-data?config_id=not-a-ulid")
                            .status())
                    .isEqualTo(expected(200, 400));

            HttpApi.Response config = api.postJson(
                    "/api/v1/configs",
                    "{\"name\":\"c\",\"data\":{\"additional_continuous_covariates\":[\"humidity\"]}}");
            String configId = config.json().get("id").asString();
            HttpApi.Response sample =
                    api.get("/api/v1/ml/$generate-sample-data?num_locations=1&num_periods=2&config_id=" + configId);
            assertThat(sample.status()).isEqualTo(200);
            assertThat(sample.json().get("data").get("columns").toString()).contains("\"humidity\"");
            assertThat(sample.json().get("config_id").asString()).isEqualTo(configId);
        }

        private void createConfig(String id, String name) {
            HttpApi.Response created = api.postJson(
                    "/api/v1/configs",
                    "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"tags\":[\"a\"],\"data\":{\"n_lags\":2}}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }

        private HttpApi.Response put(String path, String json, String ifMatch) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(api.uri(path))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json));
            if (ifMatch != null) {
                builder.header("If-Match", ifMatch);
            }
            return api.send(builder);
        }

        private long count(String table) {
            return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
        }

        static void assertTraced(HttpApi.Response response, String instance) {
            assertThat(response.json().get("trace_id").asString())
                    .isEqualTo(response.header("X-Request-ID").orElseThrow());
            assertThat(response.json().get("instance").asString()).isEqualTo(instance);
        }

        static List<String> names(JsonNode node) {
            return new ArrayList<>(node.propertyNames());
        }
    }
}
