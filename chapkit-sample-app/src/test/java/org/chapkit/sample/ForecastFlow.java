package org.chapkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chapkit.test.HttpApi;
import tools.jackson.databind.JsonNode;

/** chap-core's calls against the sample service, over plain HTTP, with the checks chap-core's parsing implies. */
final class ForecastFlow {

    private final HttpApi api;

    ForecastFlow(HttpApi api) {
        this.api = api;
    }

    /** chap-core's defaults probe: {@code data: {}} must succeed; the probe config is deleted again. */
    JsonNode probeDefaults() {
        var probe = api.postJson("/api/v1/configs", "{\"name\":\"probe_" + System.nanoTime() + "\",\"data\":{}}");
        assertThat(probe.status()).as(probe.toString()).isEqualTo(201);
        JsonNode body = probe.json();
        assertThat(api.send("DELETE", "/api/v1/configs/" + body.get("id").asString(), null, null)
                        .status())
                .isEqualTo(204);
        return body.get("data");
    }

    String createConfig(String data) {
        var response =
                api.postJson("/api/v1/configs", "{\"name\":\"model_" + System.nanoTime() + "\",\"data\":" + data + "}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("data").has("prediction_periods")).isTrue();
        return response.json().get("id").asString();
    }

    JsonNode sample(String query) {
        var response = api.get("/api/v1/ml/$generate-sample-data?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Trains and waits; returns the training artifact id from the 202 response. */
    String train(String configId, JsonNode data) throws InterruptedException {
        return trainJob(configId, data).get("artifact_id").asString();
    }

    /** Trains and waits; returns the 202 response ({@code job_id}, {@code artifact_id}). */
    JsonNode trainJob(String configId, JsonNode data) throws InterruptedException {
        var response = api.postJson(
                "/api/v1/ml/$train",
                "{\"config_id\":\"" + configId + "\",\"data\":" + data
                        + ",\"run_info\":{\"prediction_length\":3,\"additional_continuous_covariates\":[]}}");
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        assertThat(awaitJob(response.json().get("job_id").asString())
                        .get("status")
                        .asString())
                .isEqualTo("completed");
        return response.json();
    }

    /** Predicts and waits; returns the prediction artifact id from the 202 response. */
    String predict(String trainingId, JsonNode historic, JsonNode future) throws InterruptedException {
        var response = api.postJson(
                "/api/v1/ml/$predict",
                "{\"artifact_id\":\"" + trainingId + "\",\"historic\":" + historic + ",\"future\":" + future
                        + ",\"run_info\":{\"prediction_length\":3}}");
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        JsonNode job = awaitJob(response.json().get("job_id").asString());
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
        return response.json().get("artifact_id").asString();
    }

    /** Reads a prediction artifact as chap-core does: exactly the five keys, MLMetadata, a DataFrame. */
    JsonNode readPrediction(String predictionId) {
        JsonNode artifact = api.get("/api/v1/artifacts/" + predictionId).json();
        JsonNode data = artifact.get("data");
        assertThat(names(data)).containsExactly("type", "metadata", "content", "content_type", "content_size");
        assertThat(data.get("type").asString()).isEqualTo("ml_prediction");
        assertThat(names(data.get("metadata")))
                .containsExactly(
                        "status",
                        "config_id",
                        "started_at",
                        "completed_at",
                        "duration_seconds",
                        "exit_code",
                        "stdout",
                        "stderr");
        assertThat(names(data.get("content"))).contains("columns", "data");
        return data.get("content");
    }

    JsonNode tree(String id) {
        return api.get("/api/v1/artifacts/" + id + "/$tree").json();
    }

    JsonNode awaitJob(String jobId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = api.get("/api/v1/jobs/" + jobId).json();
            String status = job.get("status").asString();
            if (status.equals("completed") || status.equals("failed") || status.equals("canceled")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Job " + jobId + " did not finish");
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    static List<String> columns(JsonNode frame) {
        List<String> columns = new ArrayList<>();
        frame.get("columns").forEach(c -> columns.add(c.asString()));
        return columns;
    }
}
