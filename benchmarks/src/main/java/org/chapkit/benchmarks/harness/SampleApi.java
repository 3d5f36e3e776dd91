package org.chapkit.benchmarks.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON calls against the sample app a suite started: requests, expected statuses, jobs awaited by polling, and a
 * model trained on the app's sample data.
 *
 * @param client the HTTP client
 * @param base {@code http://127.0.0.1:port}
 * @param mapper reads and writes the bodies
 */
public record SampleApi(HttpClient client, String base, JsonMapper mapper) {

    /**
     * A config and a model trained on {@code $generate-sample-data}, with a {@code $predict} body for it.
     *
     * @param configId the config
     * @param train the training request that was sent
     * @param trainingId the training artifact
     * @param predict a {@code $predict} request for the model (sample historic and future frames)
     */
    public record TrainedModel(String configId, JsonNode train, String trainingId, ObjectNode predict) {}

    /** Sends one request with a JSON body (or none). */
    public HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(60))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends one request and reads the JSON answer.
     *
     * @throws IllegalStateException when the status is not {@code expected}
     */
    public JsonNode expect(String method, String path, String body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? mapper.createObjectNode() : mapper.readTree(response.body());
    }

    /**
     * Polls {@code GET /api/v1/jobs/{id}} every {@code pause} until the job completed, for at most a minute.
     *
     * @return the completed job record
     * @throws IllegalStateException when the job ended otherwise or did not complete in time
     */
    public JsonNode pollUntilCompleted(String jobId, Duration pause) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode record = expect("GET", "/api/v1/jobs/" + jobId, null, 200);
            if (completed(record, jobId)) {
                return record;
            }
            TimeUnit.NANOSECONDS.sleep(pause.toNanos());
        }
        throw new IllegalStateException("Job " + jobId + " did not complete within 60 s");
    }

    /**
     * Whether a job record (or stream frame) says completed.
     *
     * @throws IllegalStateException when the job failed or was canceled
     */
    public static boolean completed(JsonNode record, String jobId) {
        String status = record.path("status").asString("");
        return switch (status) {
            case "completed" -> true;
            case "pending", "running" -> false;
            default -> throw new IllegalStateException("Job " + jobId + " ended " + record);
        };
    }

    /** Creates the config, trains on the app's sample data (seed 7) and builds a {@code $predict} body. */
    public TrainedModel train(String configJson) throws IOException, InterruptedException {
        String configId =
                expect("POST", "/api/v1/configs", configJson, 201).get("id").asString();
        JsonNode train =
                expect("GET", "/api/v1/ml/$generate-sample-data?kind=train&seed=7&config_id=" + configId, null, 200);
        JsonNode trained = expect("POST", "/api/v1/ml/$train", mapper.writeValueAsString(train), 202);
        pollUntilCompleted(trained.get("job_id").asString(), Duration.ofMillis(20));
        String trainingId = trained.get("artifact_id").asString();
        ObjectNode predict = (ObjectNode)
                expect("GET", "/api/v1/ml/$generate-sample-data?kind=predict&seed=7&config_id=" + configId, null, 200);
        predict.put("artifact_id", trainingId);
        return new TrainedModel(configId, train, trainingId, predict);
    }
}
