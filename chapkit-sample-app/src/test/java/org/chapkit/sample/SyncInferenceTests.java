package org.chapkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The synchronous inference endpoints against the sample model: KServe Open Inference Protocol V2 and MLflow's
 * {@code /invocations} answer with the same numbers as a {@code $predict} job on the same version and data, and bad
 * requests get each protocol's error shape; alias moves and archiving through this instance reach them at once,
 * another instance's within the resolution TTL.
 */
class SyncInferenceTests {

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

        @Autowired
        JdbcClient jdbc;

        @Test
        void v2AndInvocationsGiveTheNumbersOfPredict() throws Exception {
            HttpApi api = new HttpApi(port);
            ForecastFlow flow = new ForecastFlow(api);
            String model = api.get("/api/v1/models").json().get(0).get("name").asString();
            String config = flow.createConfig("{\"prediction_periods\":3,\"n_samples\":3,\"lags\":1}");
            String query = "config_id=" + config + "&seed=9&num_locations=2&num_periods=24";
            String trainingId = flow.train(config, flow.sample(query).get("data"));
            int version = versionOf(api, model, trainingId);
            JsonNode sample = flow.sample("kind=predict&" + query);
            JsonNode historic = sample.get("historic");
            JsonNode future = sample.get("future");
            JsonNode expected = flow.readPrediction(flow.predict(trainingId, historic, future));
            int rows = future.get("data").size();

            ObjectNode infer = JSON.createObjectNode().put("id", "req-1");
            ArrayNode inputs = infer.putArray("inputs");
            addTensors(inputs, "", future);
            addTensors(inputs, "historic.", historic);
            var v2 = api.postJson("/v2/models/" + model + "/versions/" + version + "/infer", infer.toString());
            assertThat(v2.status()).as(v2.toString()).isEqualTo(200);
            JsonNode answer = v2.json();
            assertThat(answer.get("model_name").asString()).isEqualTo(model);
            assertThat(answer.get("model_version").asString()).isEqualTo(Integer.toString(version));
            assertThat(answer.get("id").asString()).isEqualTo("req-1");
            JsonNode outputs = answer.get("outputs");
            assertThat(ForecastFlow.columns(expected)).hasSize(outputs.size());
            for (int column = 0; column < outputs.size(); column++) {
                JsonNode tensor = outputs.get(column);
                assertThat(tensor.get("name").asString())
                        .isEqualTo(expected.get("columns").get(column).asString());
                assertThat(tensor.get("shape").get(0).asInt()).isEqualTo(rows);
                for (int row = 0; row < rows; row++) {
                    JsonNode want = expected.get("data").get(row).get(column);
                    if (want.isNumber()) {
                        assertThat(tensor.get("datatype").asString()).isEqualTo("FP64");
                        assertThat(tensor.get("data").get(row).asDouble()).isEqualTo(want.asDouble());
                    } else {
                        assertThat(tensor.get("data").get(row).asString()).isEqualTo(want.asString());
                    }
                }
            }

            api.send(
                    "PUT",
                    "/api/v1/models/" + model + "/aliases/sync-" + version,
                    "application/json",
                    "{\"version\":" + version + "}");
            var byAlias =
                    api.postJson("/v2/models/" + model + "/versions/sync-" + version + "/infer", infer.toString());
            assertThat(byAlias.json().get("outputs")).isEqualTo(outputs);

            ObjectNode split = JSON.createObjectNode();
            split.set("dataframe_split", future);
            split.set("historic", historic);
            var invocations = api.postJson("/invocations?version=" + version, split.toString());
            assertThat(invocations.status()).as(invocations.toString()).isEqualTo(200);
            assertSameRecords(invocations.json().get("predictions"), expected);

            ObjectNode records = JSON.createObjectNode();
            ArrayNode list = records.putArray("dataframe_records");
            for (JsonNode row : future.get("data")) {
                ObjectNode record = list.addObject();
                for (int i = 0; i < future.get("columns").size(); i++) {
                    record.set(future.get("columns").get(i).asString(), row.get(i));
                }
            }
            records.set("historic", historic);
            var byRecords = api.postJson("/invocations?model=" + model + "&version=" + version, records.toString());
            assertThat(byRecords.status()).as(byRecords.toString()).isEqualTo(200);
            assertSameRecords(byRecords.json().get("predictions"), expected);

            assertThat(api.get("/v2").json().get("name").asString()).isEqualTo("chapkit");
            assertThat(api.get("/v2/health/live").json().get("live").asBoolean())
                    .isTrue();
            assertThat(api.get("/v2/health/ready").json().get("ready").asBoolean())
                    .isTrue();
            assertThat(api.get("/v2/models/" + model + "/versions/" + version + "/ready")
                            .json()
                            .get("ready")
                            .asBoolean())
                    .isTrue();
            JsonNode metadata =
                    api.get("/v2/models/" + model + "/versions/" + version).json();
            assertThat(metadata.get("platform").asString()).isEqualTo("chapkit");
            assertThat(metadata.get("versions").toString()).contains("\"" + version + "\"");
            assertThat(metadata.get("inputs").get(0).get("name").asString()).isEqualTo("time_period");
            assertThat(api.get("/ping").status()).isEqualTo(200);
        }

        @Test
        void thisInstancesRegistryChangesReachInferenceAtOnceAndOtherInstancesWithinTheTtl() throws Exception {
            HttpApi api = new HttpApi(port);
            ForecastFlow flow = new ForecastFlow(api);
            String model = api.get("/api/v1/models").json().get(0).get("name").asString();
            String config = flow.createConfig("{\"prediction_periods\":2,\"n_samples\":2,\"lags\":1}");
            String query = "config_id=" + config + "&seed=5&num_locations=2&num_periods=18";
            JsonNode data = flow.sample(query).get("data");
            int first = versionOf(api, model, flow.train(config, data));
            int second = versionOf(api, model, flow.train(config, data));
            JsonNode sample = flow.sample("kind=predict&" + query);
            ObjectNode infer = JSON.createObjectNode();
            ArrayNode inputs = infer.putArray("inputs");
            addTensors(inputs, "", sample.get("future"));
            addTensors(inputs, "historic.", sample.get("historic"));
            String alias = "cached-" + second;

            moveAlias(api, model, alias, first);
            assertThat(answeringVersion(api, model, alias, infer)).isEqualTo(first);
            moveAlias(api, model, alias, second);
            assertThat(answeringVersion(api, model, alias, infer)).isEqualTo(second);

            // another instance moves the alias: straight in the table, past this instance's resolution cache, which
            // serves the old target for at most chapkit.ml.models.cache.resolution-ttl (1 s)
            assertThat(jdbc.sql("UPDATE ml_model_aliases SET version = ? WHERE model = ? AND alias = ?")
                            .params(first, model, alias)
                            .update())
                    .isEqualTo(1);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(6).toNanos();
            int seen = answeringVersion(api, model, alias, infer);
            while (seen != first && System.nanoTime() < deadline) {
                Thread.sleep(100);
                seen = answeringVersion(api, model, alias, infer);
            }
            assertThat(seen).as("the other instance's move, after the TTL").isEqualTo(first);

            assertThat(api.send("DELETE", "/api/v1/models/" + model + "/aliases/" + alias, null, null)
                            .status())
                    .isEqualTo(204);
            var gone = api.postJson("/v2/models/" + model + "/versions/" + alias + "/infer", infer.toString());
            assertThat(gone.status()).as(gone.toString()).isEqualTo(404);

            assertThat(answeringVersion(api, model, Integer.toString(second), infer))
                    .isEqualTo(second);
            var archived = api.postJson("/api/v1/models/" + model + "/versions/" + second + "/$archive", "{}");
            assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
            var refused = api.postJson("/v2/models/" + model + "/versions/" + second + "/infer", infer.toString());
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.json().get("error").asString()).contains("archived");
        }

        private static int versionOf(HttpApi api, String model, String trainingId) {
            for (JsonNode v : api.get("/api/v1/models/" + model + "/versions").json()) {
                if (v.get("artifact_id").asString().equals(trainingId)) {
                    return v.get("version").asInt();
                }
            }
            throw new AssertionError("no version of training " + trainingId);
        }

        private static void moveAlias(HttpApi api, String model, String alias, int version) {
            var moved = api.send(
                    "PUT",
                    "/api/v1/models/" + model + "/aliases/" + alias,
                    "application/json",
                    "{\"version\":" + version + "}");
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        }

        private static int answeringVersion(HttpApi api, String model, String version, ObjectNode infer) {
            var answer = api.postJson("/v2/models/" + model + "/versions/" + version + "/infer", infer.toString());
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            return Integer.parseInt(answer.json().get("model_version").asString());
        }

        @Test
        void badRequestsGetEachProtocolsErrorShape() {
            HttpApi api = new HttpApi(port);
            String model = api.get("/api/v1/models").json().get(0).get("name").asString();
            var unknown = api.postJson("/v2/models/no-such-model/infer", "{\"inputs\":[]}");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().get("error").asString()).contains("input tensor");
            var missing = api.postJson(
                    "/v2/models/no-such-model/infer",
                    "{\"inputs\":[{\"name\":\"time_period\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\"2020-01\"]}]}");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("error").asString()).contains("no-such-model");
            var shape = api.postJson(
                    "/v2/models/" + model + "/infer",
                    "{\"inputs\":[{\"name\":\"time_period\",\"shape\":[2],\"datatype\":\"BYTES\",\"data\":[\"2020-01\"]}]}");
            assertThat(shape.status()).isEqualTo(400);
            assertThat(shape.json().get("error").asString()).contains("shape");
            var notJson = api.send("POST", "/v2/models/" + model + "/infer", "application/json", "{nope");
            assertThat(notJson.status()).isEqualTo(400);
            assertThat(notJson.json().has("error")).isTrue();
            assertThat(api.get("/v2/models/no-such-model").status()).isEqualTo(404);

            var both = api.postJson(
                    "/invocations", "{\"dataframe_split\":{\"columns\":[],\"data\":[]},\"dataframe_records\":[]}");
            assertThat(both.status()).isEqualTo(400);
            assertThat(both.json().get("error_code").asString()).isEqualTo("BAD_REQUEST");
            assertThat(both.json().get("message").asString()).contains("exactly one");
            var tensors = api.postJson("/invocations", "{\"inputs\":[[1,2]]}");
            assertThat(tensors.status()).isEqualTo(400);
            assertThat(tensors.json().get("message").asString()).contains("not supported");
            var noModel = api.postJson(
                    "/invocations?model=no-such-model",
                    "{\"dataframe_split\":{\"columns\":[\"time_period\"],\"data\":[[\"2020-01\"]]}}");
            assertThat(noModel.status()).isEqualTo(404);
            assertThat(noModel.json().get("error_code").asString()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
        }

        private static void addTensors(ArrayNode inputs, String prefix, JsonNode frame) {
            JsonNode columns = frame.get("columns");
            for (int column = 0; column < columns.size(); column++) {
                ObjectNode tensor = inputs.addObject();
                tensor.put("name", prefix + columns.get(column).asString());
                tensor.putArray("shape").add(frame.get("data").size());
                ArrayNode data = tensor.putArray("data");
                boolean text = false;
                for (JsonNode row : frame.get("data")) {
                    data.add(row.get(column));
                    text |= row.get(column).isString();
                }
                tensor.put("datatype", text ? "BYTES" : "FP64");
            }
        }

        private static void assertSameRecords(JsonNode predictions, JsonNode expected) {
            assertThat(predictions).hasSize(expected.get("data").size());
            for (int row = 0; row < predictions.size(); row++) {
                for (int column = 0; column < expected.get("columns").size(); column++) {
                    String name = expected.get("columns").get(column).asString();
                    JsonNode want = expected.get("data").get(row).get(column);
                    JsonNode got = predictions.get(row).get(name);
                    if (want.isNumber()) {
                        assertThat(got.asDouble()).as(name).isEqualTo(want.asDouble());
                    } else {
                        assertThat(got.asString()).as(name).isEqualTo(want.asString());
                    }
                }
            }
        }
    }
}
