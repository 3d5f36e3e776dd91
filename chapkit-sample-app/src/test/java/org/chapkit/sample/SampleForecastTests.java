package org.chapkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The chap-core flow against the sample service's regression model (an annotated runner found by the starter):
 * info → defaults probe → config → {@code $train} → job → {@code $predict} → prediction artifact and tree.
 */
class SampleForecastTests {

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Contract {}

    abstract static class Contract {

        @LocalServerPort
        int port;

        @Test
        void forecastsSamplesPerLocationThroughTheChapCoreFlow() throws Exception {
            HttpApi api = new HttpApi(port);
            ForecastFlow flow = new ForecastFlow(api);
            JsonNode info = api.get("/api/v1/info").json();
            assertThat(info.get("max_prediction_periods").asInt()).isEqualTo(12);

            JsonNode defaults = flow.probeDefaults();
            assertThat(defaults.get("prediction_periods").asInt()).isEqualTo(3);
            assertThat(defaults.get("n_samples").asInt()).isEqualTo(20);
            assertThat(defaults.get("lags").asInt()).isEqualTo(1);
            assertThat(defaults.get("additional_continuous_covariates")).isEmpty();

            String config = flow.createConfig("{\"prediction_periods\":3,\"n_samples\":5,\"lags\":2}");
            String query = "config_id=" + config + "&seed=3&num_locations=3&num_periods=36";
            JsonNode training = flow.sample(query);
            String trainingId = flow.train(config, training.get("data"));
            JsonNode trainingArtifact =
                    api.get("/api/v1/artifacts/" + trainingId).json();
            assertThat(trainingArtifact.get("data").get("type").asString()).isEqualTo("ml_training_workspace");
            assertThat(trainingArtifact.get("data").get("content_type").asString())
                    .isEqualTo("application/json");
            String model =
                    api.get("/api/v1/artifacts/" + trainingId + "/$download").body();
            assertThat(model).contains("\"coefficients\"", "\"location_0\"", "\"rainfall\"");

            JsonNode prediction = flow.sample("kind=predict&" + query);
            String predictionId = flow.predict(trainingId, prediction.get("historic"), prediction.get("future"));
            JsonNode frame = flow.readPrediction(predictionId);
            assertThat(ForecastFlow.columns(frame))
                    .containsExactly(
                            "time_period", "location", "sample_0", "sample_1", "sample_2", "sample_3", "sample_4");
            assertThat(frame.get("data"))
                    .hasSize(prediction.get("future").get("data").size());
            for (JsonNode row : frame.get("data")) {
                for (int sample = 2; sample < 7; sample++) {
                    assertThat(row.get(sample).isNumber()).isTrue();
                    assertThat(row.get(sample).asDouble()).isGreaterThanOrEqualTo(0.0);
                }
            }
            assertThat(frame.get("data").get(0).get(0).asString())
                    .isEqualTo(
                            prediction.get("future").get("data").get(0).get(0).asString());

            JsonNode tree = flow.tree(trainingId);
            assertThat(tree.get("level_label").asString()).isEqualTo("ml_training_workspace");
            assertThat(tree.get("children")).hasSize(1);
            JsonNode predictionNode = tree.get("children").get(0);
            assertThat(predictionNode.get("id").asString()).isEqualTo(predictionId);
            assertThat(predictionNode.get("level_label").asString()).isEqualTo("ml_prediction");
            assertThat(predictionNode.get("children")).isEmpty();
            assertThat(api.get("/api/v1/configs/" + config + "/$artifacts").body())
                    .contains(trainingId);

            JsonNode valid = api.postJson(
                            "/api/v1/ml/$validate",
                            "{\"type\":\"train\",\"config_id\":\"" + config + "\",\"data\":" + training.get("data")
                                    + "}")
                    .json();
            assertThat(valid.get("valid").asBoolean()).as(valid.toString()).isTrue();
            JsonNode missing = api.postJson(
                            "/api/v1/ml/$validate",
                            "{\"type\":\"train\",\"config_id\":\"" + config
                                    + "\",\"data\":{\"columns\":[\"time_period\",\"location\",\"disease_cases\"],"
                                    + "\"data\":[[\"2020-01\",\"a\",1]]}}")
                    .json();
            assertThat(missing.get("valid").asBoolean()).isFalse();
            List<String> codes = new java.util.ArrayList<>();
            missing.get("diagnostics").forEach(d -> codes.add(d.get("code").asString()));
            assertThat(codes).containsExactly("missing_covariate", "missing_covariate");
        }
    }
}
