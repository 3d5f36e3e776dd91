package org.chapkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The model registry over HTTP against the sample model: trainings become numbered versions with lineage, aliases
 * move atomically with a history, archived versions are not served, and {@code $predict} selects a version by
 * {@code model} + {@code version} or {@code alias} with the same numbers as by {@code artifact_id}.
 */
class ModelRegistryTests {

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
        ForecastFlow flow;
        String model;

        @BeforeEach
        void connect() {
            api = new HttpApi(port);
            flow = new ForecastFlow(api);
            // the service's own model; a test below trains a second one, named to sort after it
            JsonNode models = api.get("/api/v1/models").json();
            assertThat(models).isNotEmpty();
            model = models.get(0).get("name").asString();
        }

        @Test
        void trainingsBecomeVersionsThatPredictSelectsByVersionOrAlias() throws Exception {
            assertThat(model).isEqualTo("chapkit-sample-forecaster");
            String config = flow.createConfig("{\"prediction_periods\":3,\"n_samples\":4,\"lags\":1}");
            String query = "config_id=" + config + "&seed=5&num_locations=2&num_periods=24";
            JsonNode training = flow.sample(query);
            String first = flow.train(config, training.get("data"));
            String second = flow.train(config, training.get("data"));

            JsonNode v1 = versionOf(first);
            JsonNode v2 = versionOf(second);
            assertThat(v2.get("version").asInt()).isEqualTo(v1.get("version").asInt() + 1);
            assertThat(v1.get("status").asString()).isEqualTo("active");
            JsonNode lineage = v1.get("lineage");
            assertThat(lineage.get("config_id").asString()).isEqualTo(config);
            assertThat(lineage.get("config_version").asLong()).isPositive();
            assertThat(lineage.get("data_sha256").asString())
                    .hasSize(64)
                    .isEqualTo(v2.get("lineage").get("data_sha256").asString());
            assertThat(lineage.get("rows").asInt())
                    .isEqualTo(training.get("data").get("data").size());
            assertThat(lineage.get("columns").asInt())
                    .isEqualTo(training.get("data").get("columns").size());
            assertThat(lineage.get("model_class").asString()).isEqualTo(RegressionModel.class.getName());
            assertThat(lineage.get("runner_type").asString()).contains("AnnotatedModelRunner");
            assertThat(lineage.get("java_version").asString())
                    .isEqualTo(Runtime.version().toString());
            assertThat(lineage.get("library_versions").has("spring-framework")).isTrue();
            assertThat(lineage.get("training_duration_seconds").asDouble()).isNotNegative();
            assertThat(lineage.get("training_job_id").asString()).hasSize(26);

            int one = v1.get("version").asInt();
            int two = v2.get("version").asInt();
            assertThat(setAlias("champion", one, null).status()).isEqualTo(200);
            JsonNode prediction = flow.sample("kind=predict&" + query);
            String byArtifact = predict("\"artifact_id\":\"" + first + "\"", prediction);
            String byAlias = predict("\"model\":\"" + model + "\",\"alias\":\"champion\"", prediction);
            String byVersion = predict("\"model\":\"" + model + "\",\"version\":" + two, prediction);
            String byDefaultModel = predict("\"alias\":\"champion\"", prediction);
            assertThat(parentOf(byAlias)).isEqualTo(first);
            assertThat(parentOf(byDefaultModel)).isEqualTo(first);
            assertThat(parentOf(byVersion)).isEqualTo(second);
            assertThat(flow.readPrediction(byAlias).get("data"))
                    .isEqualTo(flow.readPrediction(byArtifact).get("data"));

            JsonNode champion = api.get("/api/v1/models/" + model).json();
            assertThat(champion.get("aliases").get("champion").asInt()).isEqualTo(one);
            assertThat(champion.get("latest_version").asInt()).isGreaterThanOrEqualTo(two);

            var archiveAliased = api.postJson("/api/v1/models/" + model + "/versions/" + one + "/$archive", "{}");
            assertProblem(archiveAliased, 409, "champion");
            assertThat(setAlias("champion", two, one).status()).isEqualTo(200);
            var archived = api.postJson("/api/v1/models/" + model + "/versions/" + one + "/$archive", "{}");
            assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
            assertThat(archived.json().get("status").asString()).isEqualTo("archived");
            assertThat(archived.json().get("archived_at").isNull()).isFalse();
            assertProblem(submit("\"model\":\"" + model + "\",\"version\":" + one, prediction), 409, "archived");
            assertProblem(setAlias("challenger", one, null), 409, "archived");

            assertThat(api.send("DELETE", "/api/v1/models/" + model + "/aliases/champion", null, null)
                            .status())
                    .isEqualTo(204);
            List<JsonNode> history = new ArrayList<>();
            api.get("/api/v1/models/" + model + "/alias-history?alias=champion")
                    .json()
                    .forEach(history::add);
            assertThat(history.subList(history.size() - 3, history.size()))
                    .extracting(move -> move.get("from_version").toString() + "->"
                            + move.get("to_version").toString())
                    .containsExactly("null->" + one, one + "->" + two, two + "->null");
        }

        @Test
        void aTrainingThatNamesAModelBecomesThatModelsNextVersion() throws Exception {
            String named = "seasonal-forecaster";
            String config = flow.createConfig("{\"prediction_periods\":3,\"n_samples\":2,\"lags\":1}");
            String query = "config_id=" + config + "&seed=3&num_locations=1&num_periods=12";
            JsonNode data = flow.sample(query).get("data");
            HttpApi.Response accepted = api.postJson(
                    "/api/v1/ml/$train",
                    "{\"config_id\":\"" + config + "\",\"data\":" + data + ",\"model\":\"" + named + "\"}");
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            JsonNode job = flow.awaitJob(accepted.json().get("job_id").asString());
            assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
            String trained = accepted.json().get("artifact_id").asString();

            List<JsonNode> versions = new ArrayList<>();
            api.get("/api/v1/models/" + named + "/versions").json().forEach(versions::add);
            JsonNode version = versions.stream()
                    .filter(v -> v.get("artifact_id").asString().equals(trained))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(named + " has no version of " + trained));
            assertThat(version.get("lineage").get("config_id").asString()).isEqualTo(config);
            assertThat(api.get("/api/v1/models/" + model + "/versions").json())
                    .noneMatch(v -> v.get("artifact_id").asString().equals(trained));
            JsonNode prediction = flow.sample("kind=predict&" + query);
            String predicted = predict("\"model\":\"" + named + "\",\"version\":" + version.get("version"), prediction);
            assertThat(parentOf(predicted)).isEqualTo(trained);

            long jobsBefore = api.get("/api/v1/jobs").json().size();
            assertProblem(
                    api.postJson(
                            "/api/v1/ml/$train",
                            "{\"config_id\":\"" + config + "\",\"data\":" + data + ",\"model\":\"bad name!\"}"),
                    422,
                    "letters");
            assertThat(api.get("/api/v1/jobs").json().size())
                    .as("an invalid model name submits nothing")
                    .isEqualTo(jobsBefore);
        }

        @Test
        void badSelectionsAreProblems() throws Exception {
            String config = flow.createConfig("{\"prediction_periods\":3,\"n_samples\":2,\"lags\":1}");
            String query = "config_id=" + config + "&seed=1&num_locations=1&num_periods=12";
            String trained = flow.train(config, flow.sample(query).get("data"));
            int version = versionOf(trained).get("version").asInt();
            JsonNode prediction = flow.sample("kind=predict&" + query);

            assertProblem(submit("\"alias\":\"no-such-alias\"", prediction), 404, "no-such-alias");
            assertProblem(submit("\"model\":\"no-such-model\",\"version\":1", prediction), 404, "no-such-model");
            assertProblem(submit("\"model\":\"" + model + "\",\"version\":99999", prediction), 404, "99999");
            assertProblem(
                    submit("\"artifact_id\":\"" + trained + "\",\"alias\":\"champion\"", prediction), 422, "not both");
            assertProblem(submit("\"version\":" + version + ",\"alias\":\"champion\"", prediction), 422, "not both");
            assertProblem(setAlias("123", version, null), 422, "number");
            assertProblem(setAlias("bad!alias", version, null), 422, "letters");
            assertProblem(api.get("/api/v1/models/no-such-model/versions"), 404, "no-such-model");
            assertProblem(
                    api.send("PUT", "/api/v1/models/" + model + "/aliases/x", "application/json", "{}"),
                    422,
                    "version");
        }

        @Test
        void twoConcurrentAliasMovesBothLandOneAfterTheOther() throws Exception {
            String config = flow.createConfig("{\"prediction_periods\":3,\"n_samples\":2,\"lags\":1}");
            JsonNode data = flow.sample("config_id=" + config + "&seed=2&num_locations=1&num_periods=12")
                    .get("data");
            int one = versionOf(flow.train(config, data)).get("version").asInt();
            int two = versionOf(flow.train(config, data)).get("version").asInt();
            String alias = "race-" + System.nanoTime();
            assertThat(setAlias(alias, one, 0).status()).isEqualTo(200);

            List<HttpApi.Response> plain = race(() -> setAlias(alias, two, null), () -> setAlias(alias, one, null));
            assertThat(plain).extracting(HttpApi.Response::status).containsExactly(200, 200);
            List<JsonNode> history = new ArrayList<>();
            api.get("/api/v1/models/" + model + "/alias-history?alias=" + alias)
                    .json()
                    .forEach(history::add);
            assertThat(history).hasSize(3);
            JsonNode firstMove = history.get(1);
            JsonNode secondMove = history.get(2);
            assertThat(firstMove.get("from_version").asInt()).isEqualTo(one);
            assertThat(secondMove.get("from_version").asInt())
                    .isEqualTo(firstMove.get("to_version").asInt());
            int now = api.get("/api/v1/models/" + model + "/aliases")
                    .json()
                    .get(alias)
                    .asInt();
            assertThat(now).isEqualTo(secondMove.get("to_version").asInt());

            int other = now == one ? two : one;
            List<HttpApi.Response> guarded = race(() -> setAlias(alias, other, now), () -> setAlias(alias, other, now));
            assertThat(guarded).extracting(HttpApi.Response::status).containsExactlyInAnyOrder(200, 409);
            assertThat(api.get("/api/v1/models/" + model + "/alias-history?alias=" + alias)
                            .json())
                    .hasSize(4);
        }

        private List<HttpApi.Response> race(Callable<HttpApi.Response> a, Callable<HttpApi.Response> b)
                throws Exception {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<HttpApi.Response>> futures = new ArrayList<>();
                for (Callable<HttpApi.Response> call : List.of(a, b)) {
                    futures.add(threads.submit(() -> {
                        start.await();
                        return call.call();
                    }));
                }
                start.countDown();
                List<HttpApi.Response> responses = new ArrayList<>();
                for (Future<HttpApi.Response> future : futures) {
                    responses.add(future.get());
                }
                return responses;
            } finally {
                threads.shutdownNow();
            }
        }

        private JsonNode versionOf(String artifactId) {
            for (JsonNode version :
                    api.get("/api/v1/models/" + model + "/versions").json()) {
                if (version.get("artifact_id").asString().equals(artifactId)) {
                    JsonNode one = api.get("/api/v1/models/" + model + "/versions/"
                                    + version.get("version").asInt())
                            .json();
                    assertThat(one).isEqualTo(version);
                    return version;
                }
            }
            throw new AssertionError("No version of " + model + " has artifact " + artifactId);
        }

        private HttpApi.Response setAlias(String alias, int version, Integer expected) {
            String body =
                    "{\"version\":" + version + (expected == null ? "" : ",\"expected_version\":" + expected) + "}";
            return api.send("PUT", "/api/v1/models/" + model + "/aliases/" + alias, "application/json", body);
        }

        private HttpApi.Response submit(String selection, JsonNode prediction) {
            return api.postJson(
                    "/api/v1/ml/$predict",
                    "{" + selection + ",\"historic\":" + prediction.get("historic") + ",\"future\":"
                            + prediction.get("future") + "}");
        }

        private String predict(String selection, JsonNode prediction) throws InterruptedException {
            var response = submit(selection, prediction);
            assertThat(response.status()).as(response.toString()).isEqualTo(202);
            JsonNode job = flow.awaitJob(response.json().get("job_id").asString());
            assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
            return response.json().get("artifact_id").asString();
        }

        private String parentOf(String predictionId) {
            return api.get("/api/v1/artifacts/" + predictionId)
                    .json()
                    .get("parent_id")
                    .asString();
        }

        private static void assertProblem(HttpApi.Response response, int status, String detail) {
            assertThat(response.status()).as(response.toString()).isEqualTo(status);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).contains(detail);
        }
    }
}
