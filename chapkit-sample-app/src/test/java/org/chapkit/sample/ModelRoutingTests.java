package org.chapkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A/B routing over HTTP against the sample model: champion 90 % / challenger 10 % within statistical bounds over
 * synchronous calls, the same version for the same routing key, the route tagged on each prediction artifact, and
 * shadow mode storing both predictions while answering with the routed one.
 */
class ModelRoutingTests {

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Contract {}

    abstract static class Contract {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        @LocalServerPort
        int port;

        @Test
        void routingSplitsByWeightKeepsKeysAndShadowStoresBoth() throws Exception {
            HttpApi api = new HttpApi(port);
            ForecastFlow flow = new ForecastFlow(api);
            // a model of its own, so that other tests' aliases and routing of the service's model do not interfere
            String config = flow.createConfig("{\"prediction_periods\":3,\"n_samples\":2,\"lags\":1}");
            String query = "config_id=" + config + "&seed=4&num_locations=1&num_periods=12";
            JsonNode data = flow.sample(query).get("data");
            String model = api.get("/api/v1/models").json().get(0).get("name").asString();
            int champion = version(api, model, flow.train(config, data));
            int challenger = version(api, model, flow.train(config, data));
            put(api, "/api/v1/models/" + model + "/aliases/ab-champion", "{\"version\":" + champion + "}");
            put(api, "/api/v1/models/" + model + "/aliases/ab-challenger", "{\"version\":" + challenger + "}");
            var rule = put(
                    api,
                    "/api/v1/models/" + model + "/routing",
                    "{\"splits\":[{\"alias\":\"ab-champion\",\"weight\":90},{\"alias\":\"ab-challenger\",\"weight\":10}]}");
            assertThat(rule.status()).as(rule.toString()).isEqualTo(200);
            try {
                JsonNode sample = flow.sample("kind=predict&" + query);
                String infer = inferBody(sample.get("future"), null);
                int n = 400;
                int toChallenger = 0;
                for (int i = 0; i < n; i++) {
                    if (inferVersion(api, model, infer) == challenger) {
                        toChallenger++;
                    }
                }
                // binomial(400, 0.1): sd = 6; ±4 sd
                assertThat(toChallenger).isBetween(40 - 24, 40 + 24);

                Set<Integer> perKey = new HashSet<>();
                for (int i = 0; i < 10; i++) {
                    perKey.add(inferVersion(api, model, inferBody(sample.get("future"), "location-7")));
                }
                assertThat(perKey).hasSize(1);
                Set<Integer> acrossKeys = new HashSet<>();
                for (int i = 0; i < 100; i++) {
                    acrossKeys.add(inferVersion(api, model, inferBody(sample.get("future"), "location-" + i)));
                }
                assertThat(acrossKeys).containsExactlyInAnyOrder(champion, challenger);

                var shadowRule = put(
                        api,
                        "/api/v1/models/" + model + "/routing",
                        "{\"splits\":[{\"alias\":\"ab-champion\",\"weight\":1}],\"shadow\":\"ab-challenger\"}");
                assertThat(shadowRule.json().get("shadow").asString()).isEqualTo("ab-challenger");
                var submitted = api.postJson(
                        "/api/v1/ml/$predict",
                        "{\"model\":\"" + model + "\",\"routing_key\":\"location-1\",\"historic\":"
                                + sample.get("historic") + ",\"future\":" + sample.get("future") + "}");
                assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
                String answered = submitted.json().get("artifact_id").asString();
                assertThat(flow.awaitJob(submitted.json().get("job_id").asString())
                                .get("status")
                                .asString())
                        .isEqualTo("completed");
                JsonNode answer = api.get("/api/v1/artifacts/" + answered).json();
                assertThat(tags(answer)).contains("model-version-" + champion, "route-ab-champion");
                String championTraining = answer.get("parent_id").asString();

                JsonNode shadow = awaitShadowOf(api, flow, answered);
                assertThat(tags(shadow)).contains("shadow", "model-version-" + challenger, "route-ab-challenger");
                assertThat(shadow.get("parent_id").asString()).isNotEqualTo(championTraining);
                assertThat(shadow.get("data").get("type").asString()).isEqualTo("ml_prediction");
            } finally {
                api.send("DELETE", "/api/v1/models/" + model + "/routing", null, null);
            }
            assertThat(api.get("/api/v1/models/" + model + "/routing").status()).isEqualTo(404);
        }

        private static JsonNode awaitShadowOf(HttpApi api, ForecastFlow flow, String answered)
                throws InterruptedException {
            for (int attempt = 0; attempt < 600; attempt++) {
                for (JsonNode artifact : api.get("/api/v1/artifacts").json()) {
                    if (tags(artifact).contains("shadow-of-" + answered)) {
                        return artifact;
                    }
                }
                for (JsonNode job : api.get("/api/v1/jobs").json()) {
                    if (job.get("status").asString().equals("failed")) {
                        throw new AssertionError("A job failed: " + job);
                    }
                }
                Thread.sleep(100);
            }
            throw new AssertionError("No shadow prediction of " + answered);
        }

        private static String inferBody(JsonNode future, String routingKey) {
            ObjectNode body = JSON.createObjectNode();
            if (routingKey != null) {
                body.putObject("parameters").put("routing_key", routingKey);
            }
            ArrayNode inputs = body.putArray("inputs");
            JsonNode columns = future.get("columns");
            for (int column = 0; column < columns.size(); column++) {
                ObjectNode tensor = inputs.addObject();
                tensor.put("name", columns.get(column).asString());
                ArrayNode values = tensor.putArray("data");
                boolean text = false;
                for (JsonNode row : future.get("data")) {
                    values.add(row.get(column));
                    text |= row.get(column).isString();
                }
                tensor.put("datatype", text ? "BYTES" : "FP64");
                tensor.putArray("shape").add(future.get("data").size());
            }
            return body.toString();
        }

        private static int inferVersion(HttpApi api, String model, String body) {
            var response = api.postJson("/v2/models/" + model + "/infer", body);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            return Integer.parseInt(response.json().get("model_version").asString());
        }

        private static int version(HttpApi api, String model, String artifactId) {
            for (JsonNode v : api.get("/api/v1/models/" + model + "/versions").json()) {
                if (v.get("artifact_id").asString().equals(artifactId)) {
                    return v.get("version").asInt();
                }
            }
            throw new AssertionError("no version for " + artifactId);
        }

        private static HttpApi.Response put(HttpApi api, String path, String body) {
            return api.send("PUT", path, "application/json", body);
        }

        private static List<String> tags(JsonNode artifact) {
            List<String> tags = new java.util.ArrayList<>();
            artifact.get("tags").forEach(tag -> tags.add(tag.asString()));
            return tags;
        }
    }
}
