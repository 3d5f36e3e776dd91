package org.chapkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chapkit.StoredConfigsAndArtifacts;
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
 * A corpus of invalid requests for each endpoint family under contract generation 2: every one answers 422
 * problem+json with FastAPI's {@code errors: [{loc, type, msg}]}, the request's {@code trace_id} and
 * {@code instance}, nothing internal in the body, and leaves every table as it was.
 */
class Generation2BadInputTests {

    @Nested
    @ServiceTestOnH2
    @TestPropertySource(properties = "chapkit.contract.generation=2")
    class OnH2 extends Corpus {}

    @Nested
    @ServiceTestOnPostgres
    @TestPropertySource(properties = "chapkit.contract.generation=2")
    class OnPostgres extends Corpus {}

    abstract static class Corpus {

        private static final String CONFIG = "01K72P5N5KCRM6MD3BRE4P0C0F";
        private static final String ARTIFACT = "01K72P5N5KCRM6MD3BRE4P0A0F";
        private static final List<String> TABLES =
                List.of("configs", "artifacts", "config_artifacts", "jobs", "schedules", "task_runs");

        @LocalServerPort
        int port;

        @Autowired
        JdbcClient jdbc;

        HttpApi api;

        @BeforeEach
        void connectAndSeed() {
            api = new HttpApi(port);
            StoredConfigsAndArtifacts.deleteAll(jdbc);
            assertThat(api.postJson("/api/v1/configs", "{\"id\":\"" + CONFIG + "\",\"name\":\"seed\",\"data\":{}}")
                            .status())
                    .isEqualTo(201);
            assertThat(api.postJson("/api/v1/artifacts", "{\"id\":\"" + ARTIFACT + "\",\"data\":{\"seed\":true}}")
                            .status())
                    .isEqualTo(201);
        }

        @Test
        void configs() {
            rejects("POST", "/api/v1/configs", "{\"data\":{}}", "[\"body\",\"name\"]");
            rejects(
                    "POST",
                    "/api/v1/configs",
                    "{\"name\":\"x\",\"data\":{\"n_lags\":-1}}",
                    "[\"body\",\"data\",\"n_lags\"]");
            rejects(
                    "POST",
                    "/api/v1/configs",
                    "{\"name\":\"x\",\"data\":{\"n_lags\":\"six\"}}",
                    "[\"body\",\"data\",\"n_lags\"]");
            rejects(
                    "POST",
                    "/api/v1/configs",
                    "{\"name\":\"x\",\"tags\":[\"no spaces\"],\"data\":{}}",
                    "[\"body\",\"tags\",0]");
            rejects("POST", "/api/v1/configs", "{\"name\":\"x\",\"data\":[1]}", "[\"body\",\"data\"]");
            rejects("POST", "/api/v1/configs", "{\"name\":", "[\"body\"]");
            rejects("PUT", "/api/v1/configs/" + CONFIG, "{\"name\":null}", "[\"body\",\"name\"]");
            rejects(
                    "PUT",
                    "/api/v1/configs/" + CONFIG,
                    "{\"data\":{\"smoothing\":5}}",
                    "[\"body\",\"data\",\"smoothing\"]");
            rejects("PUT", "/api/v1/configs/" + CONFIG, "{\"name\":{\"a\":1}}", "[\"body\",\"name\"]");
            rejects("GET", "/api/v1/configs?page=0&size=1", null, "[\"query\",\"page\"]");
            rejects("GET", "/api/v1/configs?page=1&size=100000", null, "[\"query\",\"size\"]");
            assertThat(api.get("/api/v1/configs/" + CONFIG).json().get("name").asString())
                    .isEqualTo("seed");
        }

        @Test
        void artifacts() {
            rejects("POST", "/api/v1/artifacts", "{\"tags\":[]}", "[\"body\",\"data\"]");
            rejects("POST", "/api/v1/artifacts", "{\"data\":{},\"tags\":[\"a\",\"a\"]}", "[\"body\",\"tags\",1]");
            rejects("PUT", "/api/v1/artifacts/" + ARTIFACT, "{\"data\":null}", "[\"body\",\"data\"]");
            rejects("PUT", "/api/v1/artifacts/" + ARTIFACT, "{\"tags\":\"a\"}", "[\"body\",\"tags\"]");
            rejects("GET", "/api/v1/artifacts?page=abc&size=1", null, "[\"query\",\"page\"]");
            assertThat(api.get("/api/v1/artifacts/" + ARTIFACT)
                            .json()
                            .get("data")
                            .get("seed")
                            .asBoolean())
                    .isTrue();
        }

        @Test
        void jobs() {
            rejects("GET", "/api/v1/jobs?status_filter=done", null, "[\"query\",\"status_filter\"]");
        }

        @Test
        void ml() {
            rejects("POST", "/api/v1/ml/$train", "{\"data\":{\"columns\":[],\"data\":[]}}", null);
            rejects("POST", "/api/v1/ml/$train", "{\"config_id\":\"" + CONFIG + "\",\"data\":\"frame\"}", null);
            rejects("POST", "/api/v1/ml/$predict", "{\"artifact_id\":\"" + ARTIFACT + "\"}", null);
            rejects("GET", "/api/v1/ml/$generate-sample-data?num_locations=abc", null, "[\"query\",\"num_locations\"]");
        }

        @Test
        void tasks() {
            rejects(
                    "POST",
                    "/api/v1/tasks/add_numbers/$execute",
                    "{\"params\":{\"b\":1}}",
                    "[\"body\",\"params\",\"a\"]");
            rejects("POST", "/api/v1/tasks/add_numbers/$execute", "{\"params\":{\"a\":\"x\",\"b\":1}}", null);
        }

        @Test
        void schedules() {
            rejects(
                    "POST",
                    "/api/v1/schedules",
                    "{\"task\":\"add_numbers\",\"params\":{\"a\":1,\"b\":2},\"cron\":\"61 * * * * *\"}",
                    null);
            rejects("POST", "/api/v1/schedules", "{\"task\":\"add_numbers\",\"params\":{\"a\":1,\"b\":2}}", null);
        }

        /**
         * Sends the request and checks the 422 shape; {@code firstLoc} is the expected {@code loc} of the first error,
         * or null to accept any location.
         */
        private void rejects(String method, String path, String body, String firstLoc) {
            Map<String, Long> before = counts();
            HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(
                    method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpApi.Response response = api.send(request);
            String what = method + " " + path + " " + body + " -> " + response;

            assertThat(response.status()).as(what).isEqualTo(422);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.get("type").asString()).as(what).isEqualTo("urn:servicekit:error:validation-failed");
            assertThat(problem.get("trace_id").asString())
                    .as(what)
                    .isEqualTo(response.header("X-Request-ID").orElseThrow());
            assertThat(problem.get("instance").asString()).as(what).isEqualTo(path.replaceFirst("\\?.*", ""));
            assertThat(problem.get("errors").isArray() && !problem.get("errors").isEmpty())
                    .as(what)
                    .isTrue();
            for (JsonNode error : problem.get("errors")) {
                assertThat(new java.util.ArrayList<>(error.propertyNames()))
                        .as(what)
                        .containsExactly("loc", "type", "msg");
                assertThat(error.get("loc").isArray()).as(what).isTrue();
                assertThat(error.get("loc").get(0).asString()).as(what).isIn("body", "query", "path", "header");
                assertThat(error.get("type").asString()).as(what).isNotBlank();
                assertThat(error.get("msg").asString()).as(what).isNotBlank();
            }
            if (firstLoc != null) {
                assertThat(problem.get("errors").get(0).get("loc").toString())
                        .as(what)
                        .isEqualTo(firstLoc);
            }
            assertThat(response.body())
                    .as(what)
                    .doesNotContain("Exception", "org.chapkit", "tools.jackson", "SELECT ", "INSERT ", "\tat ");
            assertThat(counts()).as("nothing half-written by " + what).isEqualTo(before);
        }

        private Map<String, Long> counts() {
            Map<String, Long> counts = new LinkedHashMap<>();
            TABLES.forEach(table -> counts.put(
                    table,
                    jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()));
            return counts;
        }
    }
}
