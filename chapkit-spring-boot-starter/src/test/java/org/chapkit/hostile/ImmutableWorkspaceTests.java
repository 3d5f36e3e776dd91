package org.chapkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15, case 2: a trained workspace (and anything else a job stored) cannot be replaced through the API, and a
 * prediction runs only a workspace that a train job stored, unchanged since.
 */
class ImmutableWorkspaceTests {

    static final String FRAME = "{\"columns\":[\"time_period\",\"location\",\"disease_cases\",\"rainfall\"],"
            + "\"data\":[[\"2020-01\",\"loc_a\",10,1.5],[\"2020-02\",\"loc_a\",14,2.0]]}";

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Workspaces {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Workspaces {}

    abstract static class Workspaces {

        @LocalServerPort
        int port;

        @Autowired
        JdbcClient jdbc;

        HttpApi api;

        @BeforeEach
        void connect() {
            api = new HttpApi(port);
        }

        @Test
        void aTrainedWorkspaceCannotBeReplacedThroughTheApi() {
            String trainingId = trained();

            HttpApi.Response content =
                    api.send(HttpRequest.newBuilder(api.uri("/api/v1/artifacts/" + trainingId + "/$content"))
                            .header("Content-Type", "application/zip")
                            .PUT(HttpRequest.BodyPublishers.ofString("PK evil")));
            assertThat(content.status()).as(content.toString()).isEqualTo(409);
            assertThat(content.contentType()).startsWith("application/problem+json");
            assertThat(content.json().get("detail").asString()).contains("was produced by job");

            HttpApi.Response data = api.send(
                    "PUT", "/api/v1/artifacts/" + trainingId, "application/json", "{\"data\":{\"type\":\"x\"}}");
            assertThat(data.status()).as(data.toString()).isEqualTo(409);
            HttpApi.Response upsert =
                    api.postJson("/api/v1/artifacts", "{\"id\":\"" + trainingId + "\",\"data\":{\"type\":\"x\"}}");
            assertThat(upsert.status()).as(upsert.toString()).isEqualTo(409);

            JsonNode stored = api.get("/api/v1/artifacts/" + trainingId).json();
            assertThat(stored.get("data").get("type").asString()).isEqualTo("ml_training_workspace");
            assertThat(predict(trainingId).get("status").asString()).isEqualTo("completed");
        }

        @Test
        void aWorkspaceChangedBehindTheApisBackIsNotRun() {
            String trainingId = trained();
            // What a write straight to the database (or a restored backup of another artifact) leaves.
            jdbc.sql("UPDATE artifact_content_chunks SET bytes = ? WHERE content_id IN"
                            + " (SELECT id FROM artifact_contents WHERE artifact_id = ?)")
                    .params(new byte[] {'P', 'K', 3, 4}, trainingId)
                    .update();

            JsonNode job = predict(trainingId);

            assertThat(job.get("status").asString()).isEqualTo("failed");
            assertThat(job.get("error").asString()).contains("differs from what its train job");
        }

        @Test
        void aWorkspaceUploadedThroughTheApiIsNotRun() {
            String config = config();
            HttpApi.Response created = api.postJson(
                    "/api/v1/artifacts",
                    "{\"data\":{\"type\":\"ml_training_workspace\",\"metadata\":{\"status\":\"success\","
                            + "\"config_id\":\"" + config + "\"}}}");
            String forged = created.json().get("id").asString();
            HttpApi.Response upload =
                    api.send(HttpRequest.newBuilder(api.uri("/api/v1/artifacts/" + forged + "/$content"))
                            .header("Content-Type", "application/zip")
                            .PUT(HttpRequest.BodyPublishers.ofString("PK")));
            assertThat(upload.status()).isEqualTo(200); // not a job's artifact: content may be set

            JsonNode job = predict(forged);

            assertThat(job.get("status").asString()).isEqualTo("failed");
            assertThat(job.get("error").asString()).contains("was not stored by a train job");
        }

        String config() {
            HttpApi.Response response =
                    api.postJson("/api/v1/configs", "{\"name\":\"immutable-" + System.nanoTime() + "\",\"data\":{}}");
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            return response.json().get("id").asString();
        }

        String trained() {
            HttpApi.Response response =
                    api.postJson("/api/v1/ml/$train", "{\"config_id\":\"" + config() + "\",\"data\":" + FRAME + "}");
            assertThat(response.status()).as(response.toString()).isEqualTo(202);
            assertThat(awaitJob(response.json().get("job_id").asString())
                            .get("status")
                            .asString())
                    .isEqualTo("completed");
            return response.json().get("artifact_id").asString();
        }

        JsonNode predict(String trainingId) {
            HttpApi.Response response = api.postJson(
                    "/api/v1/ml/$predict",
                    "{\"artifact_id\":\"" + trainingId + "\",\"historic\":" + FRAME + ",\"future\":" + FRAME + "}");
            assertThat(response.status()).as(response.toString()).isEqualTo(202);
            return awaitJob(response.json().get("job_id").asString());
        }

        JsonNode awaitJob(String jobId) {
            return await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(
                            () -> api.get("/api/v1/jobs/" + jobId).json(),
                            job -> job.get("status").asString().matches("completed|failed|canceled"));
        }
    }
}
