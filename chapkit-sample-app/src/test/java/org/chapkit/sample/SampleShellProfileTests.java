package org.chapkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** The {@code shell} profile: the same service with the Python scripts of {@code shell-model/} as its model. */
@ServiceTestOnH2
@ActiveProfiles("shell")
class SampleShellProfileTests {

    @LocalServerPort
    int port;

    @Test
    void trainsAndPredictsWithThePythonScripts() throws Exception {
        HttpApi api = new HttpApi(port);
        ForecastFlow flow = new ForecastFlow(api);
        String config = flow.createConfig("{\"n_samples\":4}");
        String query = "config_id=" + config + "&seed=5&num_locations=2&num_periods=12";
        JsonNode submitted = flow.trainJob(config, flow.sample(query).get("data"));
        String trainingId = submitted.get("artifact_id").asString();
        JsonNode metadata =
                api.get("/api/v1/artifacts/" + trainingId + "/$metadata").json();
        assertThat(metadata.get("status").asString()).isEqualTo("success");
        assertThat(metadata.get("stdout").asString()).contains("trained 2 locations");
        String trainJob = submitted.get("job_id").asString();
        JsonNode runLog = api.get("/api/v1/jobs/" + trainJob + "/$run-log").json();
        assertThat(runLog.get("params").get("model").asString()).isEqualTo("mean-and-spread");
        assertThat(runLog.get("latest_metrics").get("locations").asDouble()).isEqualTo(2.0);
        assertThat(runLog.get("metrics").findValuesAsString("name")).containsSubsequence("sd", "sd", "locations");
        assertThat(runLog.get("tags").get("chapkit.config_id").asString()).isEqualTo(config);

        JsonNode prediction = flow.sample("kind=predict&" + query);
        String predictionId = flow.predict(trainingId, prediction.get("historic"), prediction.get("future"));
        JsonNode frame = flow.readPrediction(predictionId);
        assertThat(ForecastFlow.columns(frame))
                .containsExactly("time_period", "location", "sample_0", "sample_1", "sample_2", "sample_3");
        assertThat(frame.get("data"))
                .hasSize(prediction.get("future").get("data").size());

        JsonNode predictionNode = flow.tree(trainingId).get("children").get(0);
        assertThat(predictionNode.get("children")).hasSize(1);
        JsonNode workspace = predictionNode.get("children").get(0);
        assertThat(workspace.get("level").asInt()).isEqualTo(2);
        assertThat(workspace.get("data").get("type").asString()).isEqualTo("ml_prediction_workspace");
        assertThat(workspace.get("data").get("metadata").get("exit_code").asInt())
                .isZero();
    }
}
