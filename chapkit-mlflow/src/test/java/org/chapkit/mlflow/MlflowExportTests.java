package org.chapkit.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.chapkit.event.DestinationState;
import org.chapkit.event.EventDispatcher;
import org.chapkit.events.test.app.EventsTestApplication;
import org.chapkit.mlflow.MlflowTestServer.Run;
import org.chapkit.mlflow.app.MlflowTestApplication;
import org.chapkit.test.HttpApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MLflow export on the real service (H2 in {@link MlflowExportOnH2Tests}, PostgreSQL in {@link
 * MlflowExportOnPostgresTests}; a real port, the real outbox) against {@link MlflowTestServer}, an
 * MLflow-REST-compatible server written from MLflow's REST API docs: trainings become runs with the config's params,
 * chapkit's tags, the run log's metric points and the job's status; MLflow answering 503, breaking off in the middle
 * of an export or not answering at all neither fails nor holds a training, and its run still arrives once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MlflowExportTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SERVICE = "mlflow-test";

    private static MlflowTestServer mlflow;
    private static ConfigurableApplicationContext service;
    private static HttpApi api;

    /** The {@code spring.datasource.*} properties of a fresh database for this run's service (url at least). */
    abstract Map<String, Object> datasource();

    @BeforeAll
    void start() {
        mlflow = MlflowTestServer.start();
        Map<String, Object> properties = new HashMap<>(EventsTestApplication.FAST_DELIVERY);
        properties.put("chapkit.service.id", SERVICE);
        properties.put("chapkit.service.version", "1.2.3");
        properties.put("chapkit.mlflow.enabled", "true");
        properties.put("chapkit.mlflow.tracking-uri", mlflow.uri().toString());
        properties.put("chapkit.mlflow.request-timeout", "5s");
        properties.put("chapkit.mlflow.service-url", "https://models.example.org");
        properties.put("chapkit.mlflow.registry.enabled", "true");
        Map<String, Object> datasource = datasource();
        properties.putAll(datasource);
        service = EventsTestApplication.start(
                MlflowTestApplication.class, (String) datasource.get("spring.datasource.url"), properties);
        api = new HttpApi(Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port")));
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        if (mlflow != null) {
            mlflow.close();
        }
    }

    @Test
    void aTrainingBecomesOneFinishedRunWithTheConfigsParamsChapkitsTagsAndTheRunLogsMetrics() {
        String config = createConfig();
        HttpApi.Response train = train(config, 2);
        String jobId = train.json().get("job_id").asString();
        String artifactId = train.json().get("artifact_id").asString();
        assertThat(awaitJob(jobId).get("status").asString()).isEqualTo("completed");

        Run run = awaitEndedRun(jobId);

        assertThat(mlflow.experiments()).containsKey(SERVICE);
        assertThat(run.experimentId()).isEqualTo(mlflow.experiments().get(SERVICE));
        assertThat(run.status()).isEqualTo("FINISHED");
        assertThat(run.params())
                .containsEntry("prediction_periods", "4")
                .containsEntry("additional_continuous_covariates", "[]")
                .containsEntry("runner", "mean");
        assertThat(run.tags())
                .containsEntry("mlflow.runName", "train " + jobId)
                .containsEntry("chapkit.job_id", jobId)
                .containsEntry("chapkit.artifact_id", artifactId)
                .containsEntry("chapkit.config_id", config)
                .containsEntry("chapkit.config_version", "1")
                .containsEntry("chapkit.service_id", SERVICE)
                .containsEntry("chapkit.service_version", "1.2.3")
                .containsEntry(
                        "chapkit.model_url",
                        "https://models.example.org/api/v1/artifacts/" + artifactId + "/$download");
        assertThat(run.metrics())
                .extracting(MlflowClient.Metric::key, MlflowClient.Metric::value, MlflowClient.Metric::step)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("loss", 1.0, 0L),
                        org.assertj.core.groups.Tuple.tuple("loss", 0.5, 1L),
                        org.assertj.core.groups.Tuple.tuple("loss", 1.0 / 3, 2L));
        JsonNode job = api.get("/api/v1/jobs/" + jobId).json();
        assertThat(run.startTime()).isPositive().isLessThanOrEqualTo(run.endTime());
        assertThat(job.get("finished_at").asString()).isNotEmpty();

        Map<String, byte[]> files = mlflow.artifactsOf(run);
        assertThat(files).containsKey(TrainingExporter.MODEL_DESCRIPTION);
        JsonNode description =
                JSON.readTree(new String(files.get(TrainingExporter.MODEL_DESCRIPTION), StandardCharsets.UTF_8));
        assertThat(description.get("artifact_id").asString()).isEqualTo(artifactId);
        assertThat(description.get("job_id").asString()).isEqualTo(jobId);
        String modelFile = description.get("model_file").asString();
        assertThat(modelFile).startsWith("model/");
        assertThat(files.get(modelFile)).hasSize(description.get("content_size").asInt());

        assertThat(mlflow.registeredModels()).contains(SERVICE);
        assertThat(mlflow.versionsOfRun(run.id())).singleElement().satisfies(version -> {
            assertThat(version.name()).isEqualTo(SERVICE);
            assertThat(version.source()).isEqualTo("runs:/" + run.id() + "/model");
        });
    }

    @Test
    void aFailedTrainingBecomesAFailedRunWithTheErrorAndNoModelVersion() {
        String jobId = train(createConfig(), MlflowTestApplication.FAILING_LOCATIONS)
                .json()
                .get("job_id")
                .asString();
        assertThat(awaitJob(jobId).get("status").asString()).isEqualTo("failed");

        Run run = awaitEndedRun(jobId);

        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.tags().get("chapkit.error")).contains("three locations");
        assertThat(run.params()).containsEntry("runner", "mean");
        assertThat(mlflow.versionsOfRun(run.id())).isEmpty();
    }

    @Test
    void whileMlflowAnswers503TrainingsCompleteAndTheirRunsArriveOnceWhenItRecovers() {
        int refusedBefore = mlflow.refused();
        mlflow.unavailable(true);
        String first;
        String second;
        try {
            String config = createConfig();
            first = train(config, 2).json().get("job_id").asString();
            second = train(config, 2).json().get("job_id").asString();
            assertThat(awaitJob(first).get("status").asString()).isEqualTo("completed");
            assertThat(awaitJob(second).get("status").asString()).isEqualTo("completed");
            // the outbox keeps retrying in the background
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mlflow.refused() >= refusedBefore + 3);
            assertThat(mlflow.runsOfJob(first)).isEmpty();
            assertThat(mlflowDestination().lastError()).contains("503");
        } finally {
            mlflow.unavailable(false);
        }

        assertThat(awaitEndedRun(first).status()).isEqualTo("FINISHED");
        assertThat(awaitEndedRun(second).status()).isEqualTo("FINISHED");
        awaitCaughtUp();
        assertThat(mlflow.runsOfJob(first)).hasSize(1);
        assertThat(mlflow.runsOfJob(second)).hasSize(1);
        assertThat(mlflow.versionsOfRun(mlflow.runsOfJob(first).getFirst().id()))
                .hasSize(1);
    }

    @Test
    void anExportThatBreaksOffAfterTheRunWasCreatedIsCompletedOnTheSameRun() {
        mlflow.failNext("runs/update", 2);
        String jobId = train(createConfig(), 2).json().get("job_id").asString();
        assertThat(awaitJob(jobId).get("status").asString()).isEqualTo("completed");

        Run run = awaitEndedRun(jobId);
        awaitCaughtUp();

        assertThat(mlflow.runsOfJob(jobId)).singleElement().isEqualTo(run);
        assertThat(run.status()).isEqualTo("FINISHED");
        assertThat(run.metrics()).hasSize(3);
        assertThat(mlflow.versionsOfRun(run.id())).hasSize(1);
    }

    @Test
    void aTrainingDoesNotWaitForAnMlflowThatDoesNotAnswer() {
        awaitCaughtUp();
        mlflow.hold();
        String jobId;
        try {
            jobId = train(createConfig(), 2).json().get("job_id").asString();
            // the export is under way and held by MLflow while the training completes
            assertThat(awaitJob(jobId).get("status").asString()).isEqualTo("completed");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mlflow.waiting() > 0);
            assertThat(mlflow.runsOfJob(jobId)).isEmpty();
        } finally {
            mlflow.release();
        }

        assertThat(awaitEndedRun(jobId).status()).isEqualTo("FINISHED");
    }

    @Test
    void eventsDeliveredAgainMakeNoSecondRun() {
        String jobId = train(createConfig(), 2).json().get("job_id").asString();
        awaitJob(jobId);
        Run run = awaitEndedRun(jobId);
        awaitCaughtUp();
        MlflowExports exports = service.getBean(MlflowExports.class);
        long skipped = exports.count(MlflowExports.Outcome.SKIPPED);
        int created = mlflow.calls("runs/create");

        HttpApi.Response replay = api.postJson("/api/v1/events/destinations/mlflow/$replay?after=0", "{}");
        assertThat(replay.status()).as(replay.toString()).isBetween(200, 299);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> exports.count(MlflowExports.Outcome.SKIPPED) > skipped);
        awaitCaughtUp();

        assertThat(mlflow.calls("runs/create")).isEqualTo(created);
        assertThat(mlflow.runsOfJob(jobId)).singleElement().isEqualTo(run);
    }

    @Test
    void theHealthContributorIsUpWithTheExportsAndTheMetersCountThem() {
        String jobId = train(createConfig(), 2).json().get("job_id").asString();
        awaitJob(jobId);
        awaitEndedRun(jobId);
        awaitCaughtUp();

        Health health =
                service.getBean("mlflowHealthIndicator", HealthIndicator.class).health();
        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.getDetails())
                .containsEntry("tracking_uri", mlflow.uri() + "/")
                .containsEntry("experiment", SERVICE)
                .containsKey("last_export");
        assertThat((long) health.getDetails().get("exported")).isPositive();
        MeterRegistry meters = service.getBean(MeterRegistry.class);
        assertThat(meters.get("chapkit.mlflow.exports")
                        .tag("outcome", "exported")
                        .counter()
                        .count())
                .isPositive();
        assertThat(api.get("/metrics").body()).contains("chapkit_mlflow_exports_total");
    }

    private static String createConfig() {
        HttpApi.Response config = api.postJson(
                "/api/v1/configs",
                "{\"name\":\"mlflow_" + System.nanoTime()
                        + "\",\"data\":{\"prediction_periods\":4,\"additional_continuous_covariates\":[]}}");
        assertThat(config.status()).as(config.toString()).isEqualTo(201);
        return config.json().get("id").asString();
    }

    private static HttpApi.Response train(String configId, int locations) {
        HttpApi.Response sample = api.get("/api/v1/ml/$generate-sample-data?config_id=" + configId
                + "&seed=1&num_periods=12&num_locations=" + locations);
        assertThat(sample.status()).as(sample.toString()).isEqualTo(200);
        HttpApi.Response train = api.postJson(
                "/api/v1/ml/$train",
                "{\"config_id\":\"" + configId + "\",\"data\":" + sample.json().get("data") + "}");
        assertThat(train.status()).as(train.toString()).isEqualTo(202);
        return train;
    }

    private static JsonNode awaitJob(String jobId) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> List.of("completed", "failed", "canceled")
                        .contains(api.get("/api/v1/jobs/" + jobId)
                                .json()
                                .get("status")
                                .asString()));
        return api.get("/api/v1/jobs/" + jobId).json();
    }

    private static Run awaitEndedRun(String jobId) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> mlflow.runsOfJob(jobId).stream()
                        .anyMatch(run -> !run.status().equals("RUNNING")));
        return mlflow.runsOfJob(jobId).getFirst();
    }

    private static DestinationState mlflowDestination() {
        return service.getBean(EventDispatcher.class).destinations().stream()
                .filter(state -> state.name().equals(MlflowEventDestination.NAME))
                .findFirst()
                .orElseThrow();
    }

    /** Waits until the {@code mlflow} destination has had every event so far. */
    private static void awaitCaughtUp() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> mlflowDestination().lag() == 0);
    }
}
