package org.chapkit.events.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.chapkit.test.HttpApi;
import tools.jackson.databind.JsonNode;

/**
 * chap-core's flow over HTTP — config, {@code $train}, {@code $predict}, each job awaited — and the checks on the events
 * a broker received for it.
 */
public final class EventFlow {

    private final HttpApi api;

    /**
     * Drives the service on {@code port}.
     *
     * @param port the service's port
     */
    public EventFlow(int port) {
        this.api = new HttpApi(port);
    }

    /**
     * The ids the flow made.
     *
     * @param configId the config
     * @param trainJobId the training job
     * @param predictJobId the prediction job
     */
    public record Run(String configId, String trainJobId, String predictJobId) {

        /**
         * The jobs' subjects, {@code jobs/<id>}.
         *
         * @return training then prediction
         */
        public List<String> jobSubjects() {
            return List.of("jobs/" + trainJobId, "jobs/" + predictJobId);
        }
    }

    /**
     * Creates a config, trains on sample data and predicts with the trained model, waiting for each job.
     *
     * @return the ids
     */
    public Run trainAndPredict() {
        String configId = createConfig();
        JsonNode training = sample("config_id=" + configId + "&seed=1&num_locations=2&num_periods=12");
        var train = api.postJson(
                "/api/v1/ml/$train", "{\"config_id\":\"" + configId + "\",\"data\":" + training.get("data") + "}");
        assertThat(train.status()).as(train.toString()).isEqualTo(202);
        String trainJob = train.json().get("job_id").asString();
        awaitCompleted(trainJob);
        String model = train.json().get("artifact_id").asString();
        JsonNode prediction = sample("kind=predict&config_id=" + configId + "&seed=1&num_locations=2&num_periods=12");
        var predict = api.postJson(
                "/api/v1/ml/$predict",
                "{\"artifact_id\":\"" + model + "\",\"historic\":" + prediction.get("historic") + ",\"future\":"
                        + prediction.get("future") + "}");
        assertThat(predict.status()).as(predict.toString()).isEqualTo(202);
        String predictJob = predict.json().get("job_id").asString();
        awaitCompleted(predictJob);
        return new Run(configId, trainJob, predictJob);
    }

    /**
     * Waits until a job has finished and checks it completed.
     *
     * @param jobId the job
     */
    public void awaitCompleted(String jobId) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    String status = api.get("/api/v1/jobs/" + jobId)
                            .json()
                            .get("status")
                            .asString();
                    return status.equals("completed") || status.equals("failed") || status.equals("canceled");
                });
        JsonNode job = api.get("/api/v1/jobs/" + jobId).json();
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
    }

    /**
     * Creates a config with the defaults.
     *
     * @return its id
     */
    public String createConfig() {
        var config = api.postJson("/api/v1/configs", "{\"name\":\"events_" + System.nanoTime() + "\",\"data\":{}}");
        assertThat(config.status()).as(config.toString()).isEqualTo(201);
        return config.json().get("id").asString();
    }

    /**
     * The REST body of a {@code $train} of {@code configId} on sample data.
     *
     * @param configId the config
     * @return {@code {"config_id": …, "data": …}}
     */
    public String trainBody(String configId) {
        JsonNode training = sample("config_id=" + configId + "&seed=1&num_locations=2&num_periods=12");
        return "{\"config_id\":\"" + configId + "\",\"data\":" + training.get("data") + "}";
    }

    /**
     * The service's jobs.
     *
     * @return every job's id
     */
    public List<String> jobIds() {
        List<String> ids = new ArrayList<>();
        api.get("/api/v1/jobs").json().forEach(job -> ids.add(job.get("id").asString()));
        return ids;
    }

    private JsonNode sample(String query) {
        var response = api.get("/api/v1/ml/$generate-sample-data?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /**
     * Checks what a broker received for a run: every event of each job's subject, each id once, in the order the
     * service wrote them ({@code sequence} 1, 2, 3, … without gaps), ending with {@code org.chapkit.job.completed}.
     * Duplicates (at-least-once after an outage) are allowed only where {@code allowDuplicates}; they are removed by id
     * before the order is checked, as a consumer does.
     *
     * @param run the run
     * @param received the envelopes in the order the broker gave them
     * @param allowDuplicates whether an id may arrive more than once
     */
    public static void assertJobsArrivedInOrder(Run run, List<JsonNode> received, boolean allowDuplicates) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (JsonNode event : received) {
            if (byId.putIfAbsent(event.get("id").asString(), event) != null) {
                duplicates.add(event.get("id").asString());
            }
        }
        if (!allowDuplicates) {
            assertThat(duplicates).as("events received more than once").isEmpty();
        }
        for (String subject : run.jobSubjects()) {
            List<JsonNode> events = byId.values().stream()
                    .filter(e -> subject.equals(e.get("subject").asString()))
                    .toList();
            List<Long> sequences =
                    events.stream().map(e -> e.get("sequence").asLong()).toList();
            List<Long> expected = new ArrayList<>();
            for (long n = 1; n <= events.size(); n++) {
                expected.add(n);
            }
            assertThat(sequences).as("sequence of %s", subject).isEqualTo(expected);
            assertThat(events).as("events of %s", subject).isNotEmpty();
            assertThat(events.getLast().get("type").asString()).isEqualTo("org.chapkit.job.completed");
        }
    }

    /**
     * Whether {@code received} holds every event of the run's jobs up to their completion.
     *
     * @param run the run
     * @param received what arrived so far
     * @return {@code true} once both jobs' {@code org.chapkit.job.completed} arrived
     */
    public static boolean jobsCompleted(Run run, List<JsonNode> received) {
        return run.jobSubjects().stream()
                .allMatch(subject -> received.stream()
                        .anyMatch(e -> subject.equals(e.get("subject").asString())
                                && "org.chapkit.job.completed"
                                        .equals(e.get("type").asString())));
    }
}
