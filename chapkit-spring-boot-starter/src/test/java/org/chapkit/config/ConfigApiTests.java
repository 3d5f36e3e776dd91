package org.chapkit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.chapkit.StoredConfigsAndArtifacts;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/configs} over HTTP, on H2 and PostgreSQL, with the test service's {@code TestModelConfig}. */
class ConfigApiTests {

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Contract {}

    /** The same suite on contract generation 2, where the generations agree (differences: GenerationDifferencesTests). */
    @Nested
    @ServiceTestOnH2
    @TestPropertySource(properties = "chapkit.contract.generation=2")
    class OnH2Generation2 extends Contract {
        @Override
        @Test
        @Disabled("generation 2 answers 412 for a stale If-Match; see GenerationDifferencesTests")
        void aStaleIfMatchIsRefusedWith409AndTheNewerUpdateSurvives() {}

        @Override
        @Test
        @Disabled("generation 2 PUT applies the fields sent; see GenerationDifferencesTests")
        void putReplacesNameAndDataAndKeepsTagsUnlessSent() {}

        @Override
        @Test
        @Disabled("generation 2 POST is create-only; see GenerationDifferencesTests")
        void postWithAnIdCreatesThenUpdatesTheSameConfig() {}

        @Override
        @Test
        @Disabled("generation 2 answers 422 with errors [{loc, type, msg}]; see GenerationDifferencesTests")
        void invalidDataListsEveryFieldErrorAndWritesNothing() {}

        @Override
        @Test
        @Disabled("generation 2 answers 422 for pages out of range; see GenerationDifferencesTests")
        void listsArePaginatedOnlyWithPageAndSizeInStableOrderAndBounded() {}

        @Override
        @Test
        @Disabled("the OpenAPI document is the same in both generations, and building it is slow; runs on generation 1")
        void openApiShowsTheTypedConfig() {}
    }

    abstract static class Contract {

        @LocalServerPort
        int port;

        @Autowired
        JdbcClient jdbc;

        @Autowired
        ConfigManager<?> configs;

        HttpApi api;

        @BeforeEach
        void connectAndClean() {
            api = new HttpApi(port);
            StoredConfigsAndArtifacts.deleteAll(jdbc);
        }

        @Test
        void postWithEmptyDataFillsEveryDefaultAndAnswers201WithLocationAndEtag() {
            HttpApi.Response created = api.postJson("/api/v1/configs", "{\"name\":\"probe\",\"data\":{}}");

            assertThat(created.status()).isEqualTo(201);
            JsonNode body = created.json();
            String id = body.get("id").asString();
            assertThat(id).hasSize(26);
            assertThat(created.header("Location")).hasValue(api.baseUrl() + "/api/v1/configs/" + id);
            assertThat(created.header("ETag")).hasValue("\"1\"");
            assertThat(fieldNames(body)).containsExactly("id", "created_at", "updated_at", "tags", "name", "data");
            assertThat(body.get("data").toString())
                    .isEqualTo("{\"prediction_periods\":3,\"additional_continuous_covariates\":[],\"n_lags\":6,"
                            + "\"method\":\"linear\",\"smoothing\":0.5}");
            assertThat(body.get("created_at").asString()).endsWith("Z");
            assertThat(body.get("tags").size()).isZero();

            JsonNode listed = api.get("/api/v1/configs").json();
            assertThat(listed.isArray()).isTrue();
            assertThat(listed.get(0).get("data").get("prediction_periods").asInt())
                    .isEqualTo(3);
        }

        @Test
        void unknownKeysAreKeptAndNullValuesFallBackToDefaults() {
            JsonNode data = api.postJson(
                            "/api/v1/configs",
                            "{\"name\":\"x\",\"data\":{\"n_lags\":2,\"method\":null,\"extra\":{\"a\":[1,2]}}}")
                    .json()
                    .get("data");

            assertThat(data.get("n_lags").asInt()).isEqualTo(2);
            assertThat(data.get("method").asString()).isEqualTo("linear");
            assertThat(data.get("extra").toString()).isEqualTo("{\"a\":[1,2]}");
        }

        @Test
        void invalidDataListsEveryFieldErrorAndWritesNothing() {
            HttpApi.Response typeErrors = api.postJson(
                    "/api/v1/configs", "{\"name\":\"x\",\"data\":{\"n_lags\":\"abc\",\"method\":\"cubic\"}}");
            assertThat(typeErrors.status()).isEqualTo(400);
            assertThat(typeErrors.contentType()).startsWith("application/problem+json");
            assertThat(typeErrors.json().get("type").asString()).isEqualTo("urn:servicekit:error:validation-failed");
            assertThat(errorFields(typeErrors)).containsExactlyInAnyOrder("data.n_lags", "data.method");

            HttpApi.Response constraintErrors = api.postJson(
                    "/api/v1/configs", "{\"name\":\"x\",\"data\":{\"prediction_periods\":0,\"smoothing\":2.5}}");
            assertThat(constraintErrors.status()).isEqualTo(400);
            assertThat(errorFields(constraintErrors))
                    .containsExactlyInAnyOrder("data.prediction_periods", "data.smoothing");
            assertThat(constraintErrors.json().get("detail").asString()).contains("prediction_periods");

            HttpApi.Response badTags =
                    api.postJson("/api/v1/configs", "{\"name\":\"x\",\"tags\":[\"ok\",\"not ok\",\"ok\"],\"data\":{}}");
            assertThat(badTags.status()).isEqualTo(400);
            assertThat(errorFields(badTags)).containsExactly("tags[1]", "tags[2]");

            HttpApi.Response notAnObject = api.postJson("/api/v1/configs", "{\"name\":\"x\",\"data\":[1]}");
            assertThat(notAnObject.status()).isEqualTo(400);

            assertThat(api.get("/api/v1/configs/$stats").json().get("total").asLong())
                    .isZero();
        }

        @Test
        void postWithAnIdCreatesThenUpdatesTheSameConfig() {
            String id = "01K72P5N5KCRM6MD3BRE4P0ABC";
            HttpApi.Response first = api.postJson(
                    "/api/v1/configs", "{\"id\":\"" + id + "\",\"name\":\"first\",\"tags\":[\"a\"],\"data\":{}}");
            assertThat(first.status()).isEqualTo(201);
            assertThat(first.json().get("id").asString()).isEqualTo(id);

            HttpApi.Response second = api.postJson(
                    "/api/v1/configs", "{\"id\":\"" + id + "\",\"name\":\"second\",\"data\":{\"n_lags\":1}}");
            assertThat(second.status()).isEqualTo(201);
            assertThat(second.header("ETag")).hasValue("\"2\"");

            JsonNode stored = api.get("/api/v1/configs/" + id).json();
            assertThat(stored.get("name").asString()).isEqualTo("second");
            assertThat(stored.get("data").get("n_lags").asInt()).isEqualTo(1);
            assertThat(api.get("/api/v1/configs/$stats").json().get("total").asLong())
                    .isEqualTo(1);
        }

        @Test
        void putReplacesNameAndDataAndKeepsTagsUnlessSent() {
            String id = create("old", "[\"keep\"]");
            HttpApi.Response updated = api.send(
                    "PUT", "/api/v1/configs/" + id, "application/json", "{\"name\":\"new\",\"data\":{\"n_lags\":9}}");

            assertThat(updated.status()).isEqualTo(200);
            JsonNode body = updated.json();
            assertThat(body.get("name").asString()).isEqualTo("new");
            assertThat(body.get("tags").get(0).asString()).isEqualTo("keep");
            assertThat(body.get("data").get("n_lags").asInt()).isEqualTo(9);
            assertThat(body.get("data").get("prediction_periods").asInt()).isEqualTo(3);

            HttpApi.Response invalid = api.send(
                    "PUT",
                    "/api/v1/configs/" + id,
                    "application/json",
                    "{\"name\":\"bad\",\"data\":{\"prediction_periods\":99}}");
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(api.get("/api/v1/configs/" + id).json().get("name").asString())
                    .isEqualTo("new");
        }

        @Test
        void aStaleIfMatchIsRefusedWith409AndTheNewerUpdateSurvives() {
            String id = create("c", "[]");
            String etag = api.get("/api/v1/configs/" + id).header("ETag").orElseThrow();
            assertThat(etag).isEqualTo("\"1\"");

            HttpApi.Response winner = api.send(HttpRequest.newBuilder(api.uri("/api/v1/configs/" + id))
                    .header("Content-Type", "application/json")
                    .header("If-Match", etag)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"winner\",\"data\":{}}")));
            HttpApi.Response loser = api.send(HttpRequest.newBuilder(api.uri("/api/v1/configs/" + id))
                    .header("Content-Type", "application/json")
                    .header("If-Match", etag)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"loser\",\"data\":{}}")));

            assertThat(winner.status()).isEqualTo(200);
            assertThat(winner.header("ETag")).hasValue("\"2\"");
            assertThat(loser.status()).isEqualTo(409);
            assertThat(loser.contentType()).startsWith("application/problem+json");
            assertThat(loser.json().get("type").asString()).isEqualTo("urn:servicekit:error:conflict");
            assertThat(api.get("/api/v1/configs/" + id).json().get("name").asString())
                    .isEqualTo("winner");

            HttpApi.Response staleDelete = api.send(HttpRequest.newBuilder(api.uri("/api/v1/configs/" + id))
                    .header("If-Match", etag)
                    .DELETE());
            assertThat(staleDelete.status()).isEqualTo(409);
        }

        @Test
        void badUlidsAnswer400AndUnknownIdsAnswer404() {
            HttpApi.Response bad = api.get("/api/v1/configs/not-a-ulid");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("type").asString()).isEqualTo("urn:servicekit:error:invalid-ulid");
            assertThat(bad.json().get("detail").asString()).isEqualTo("Invalid ULID format: not-a-ulid");
            assertThat(bad.json().get("instance").asString()).isEqualTo("/api/v1/configs/not-a-ulid");

            String unknown = "01K72P5N5KCRM6MD3BRE4P0999";
            HttpApi.Response missing = api.get("/api/v1/configs/" + unknown);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("type").asString()).isEqualTo("urn:servicekit:error:not-found");
            assertThat(api.send("PUT", "/api/v1/configs/" + unknown, "application/json", "{\"name\":\"n\",\"data\":{}}")
                            .status())
                    .isEqualTo(404);
            assertThat(api.send("DELETE", "/api/v1/configs/" + unknown, null, null)
                            .status())
                    .isEqualTo(404);
            assertThat(api.send("DELETE", "/api/v1/configs/xyz", null, null).status())
                    .isEqualTo(400);
        }

        @Test
        void listsArePaginatedOnlyWithPageAndSizeInStableOrderAndBounded() {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(create("c" + i, "[]"));
            }

            JsonNode page2 = api.get("/api/v1/configs?page=2&size=2").json();
            assertThat(fieldNames(page2)).containsExactly("items", "total", "page", "size", "pages");
            assertThat(page2.get("total").asLong()).isEqualTo(5);
            assertThat(page2.get("pages").asLong()).isEqualTo(3);
            assertThat(page2.get("items").get(0).get("id").asString()).isEqualTo(ids.get(2));
            assertThat(page2.get("items").get(1).get("id").asString()).isEqualTo(ids.get(3));

            JsonNode beyond = api.get("/api/v1/configs?page=9&size=2").json();
            assertThat(beyond.get("items").size()).isZero();

            JsonNode bare = api.get("/api/v1/configs?size=2").json();
            assertThat(bare.isArray()).isTrue();
            assertThat(bare.size()).isEqualTo(5);
            assertThat(bare.get(4).get("id").asString()).isEqualTo(ids.get(4));

            HttpApi.Response pageZero = api.get("/api/v1/configs?page=0&size=2");
            assertThat(pageZero.status()).isEqualTo(400);
            assertThat(errorFields(pageZero)).containsExactly("page");
            HttpApi.Response huge = api.get("/api/v1/configs?page=1&size=1001");
            assertThat(huge.status()).isEqualTo(400);
            assertThat(errorFields(huge)).containsExactly("size");
            assertThat(api.get("/api/v1/configs?page=1&size=1000").status()).isEqualTo(200);
            assertThat(api.get("/api/v1/configs?page=one&size=2").status()).isEqualTo(400);

            JsonNode empty = api.get("/api/v1/configs?page=1&size=10").json();
            assertThat(empty.get("pages").asLong()).isEqualTo(1);
        }

        @Test
        void schemaIsGeneratedFromTheRecord() {
            JsonNode schema = api.get("/api/v1/configs/$schema").json();

            assertThat(schema.get("title").asString()).isEqualTo("TestModelConfig");
            assertThat(schema.get("type").asString()).isEqualTo("object");
            assertThat(schema.get("additionalProperties").asBoolean()).isTrue();
            JsonNode properties = schema.get("properties");
            assertThat(fieldNames(properties))
                    .containsExactly(
                            "prediction_periods", "additional_continuous_covariates", "n_lags", "method", "smoothing");
            JsonNode periods = properties.get("prediction_periods");
            assertThat(periods.get("type").asString()).isEqualTo("integer");
            assertThat(periods.get("default").asInt()).isEqualTo(3);
            assertThat(periods.get("minimum").asInt()).isEqualTo(1);
            assertThat(periods.get("maximum").asInt()).isEqualTo(24);
            assertThat(periods.get("title").asString()).isEqualTo("Prediction Periods");
            assertThat(properties
                            .get("additional_continuous_covariates")
                            .get("items")
                            .get("type")
                            .asString())
                    .isEqualTo("string");
            assertThat(properties.get("n_lags").get("description").asString()).isEqualTo("Lags of the target");
            assertThat(properties.get("method").get("enum").toString()).isEqualTo("[\"linear\",\"poisson\"]");
            assertThat(properties.get("method").get("default").asString()).isEqualTo("linear");
            assertThat(properties.get("smoothing").get("type").asString()).isEqualTo("number");
            assertThat(properties.get("smoothing").get("maximum").asDouble()).isEqualTo(1.0);
            assertThat(schema.has("required")).isFalse();
            assertThat(api.get("/api/v1/configs/%24schema").json()).isEqualTo(schema);
        }

        @Test
        void theJavaApiReturnsTheTypedRecord() {
            String id = create("typed", "[]");
            Config<?> config = configs.getTyped(id);

            assertThat(config.data()).isInstanceOf(org.chapkit.TestModelConfig.class);
            org.chapkit.TestModelConfig data = (org.chapkit.TestModelConfig) config.data();
            assertThat(data.predictionPeriods()).isEqualTo(3);
            assertThat(data.method()).isEqualTo(org.chapkit.TestModelConfig.Method.LINEAR);
        }

        @Test
        void openApiShowsTheTypedConfig() {
            JsonNode openApi = api.get("/v3/api-docs").json();
            JsonNode schemas = openApi.get("components").get("schemas");
            assertThat(schemas.get("TestModelConfig").get("properties").has("n_lags"))
                    .isTrue();
            assertThat(schemas.get("ConfigOut")
                            .get("properties")
                            .get("data")
                            .get("$ref")
                            .asString())
                    .isEqualTo("#/components/schemas/TestModelConfig");
            assertThat(schemas.has("ArtifactOut")).isTrue();
            assertThat(schemas.propertyNames()).doesNotContain("JsonNode", "ObjectNode");
            assertThat(openApi.get("paths").has("/api/v1/configs/{id}/$link-artifact"))
                    .isTrue();
        }

        String create(String name, String tags) {
            HttpApi.Response response =
                    api.postJson("/api/v1/configs", "{\"name\":\"" + name + "\",\"tags\":" + tags + ",\"data\":{}}");
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            return response.json().get("id").asString();
        }
    }

    static List<String> fieldNames(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }

    static List<String> errorFields(HttpApi.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }
}
