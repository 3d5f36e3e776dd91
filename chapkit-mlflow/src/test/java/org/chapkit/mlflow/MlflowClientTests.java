package org.chapkit.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chapkit.mlflow.MlflowClient.Entry;
import org.chapkit.mlflow.MlflowClient.Metric;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST client against {@link MlflowTestServer}: MLflow's batch limits, its error codes, and what is retryable. */
class MlflowClientTests {

    private final MlflowTestServer server = MlflowTestServer.start();
    private final MlflowClient client = client(server.uri());

    @AfterEach
    void stop() {
        server.close();
    }

    private static MlflowClient client(URI uri) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return new MlflowClient(uri, http, Duration.ofSeconds(5), null);
    }

    @Test
    void anUnknownExperimentIsEmptyAndACreatedOneIsFoundByName() {
        assertThat(client.experimentId("forecasts")).isEmpty();
        String id = client.createExperiment("forecasts");
        assertThat(client.experimentId("forecasts")).contains(id);
        assertThatThrownBy(() -> client.createExperiment("forecasts"))
                .isInstanceOfSatisfying(MlflowException.class, ex -> {
                    assertThat(ex.is(MlflowException.RESOURCE_ALREADY_EXISTS)).isTrue();
                    assertThat(ex.retryable()).isFalse();
                });
    }

    @Test
    void aLogBatchBeyondMlflowsLimitsIsSplitIntoRequestsItAccepts() {
        String experiment = client.createExperiment("limits");
        MlflowClient.RunInfo run = client.createRun(experiment, "big", 1, List.of(new Entry("chapkit.job_id", "j")));
        List<Metric> metrics = new ArrayList<>();
        for (int step = 0; step < 2500; step++) {
            metrics.add(new Metric("loss", step, 1000 + step, step));
        }
        List<Entry> params = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            params.add(new Entry("p" + i, "v" + i));
        }
        List<Entry> tags = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            tags.add(new Entry("t" + i, "v" + i));
        }

        client.logBatch(run.runId(), metrics, params, tags);

        MlflowTestServer.Run stored = server.runsOfJob("j").getFirst();
        assertThat(stored.metrics()).containsExactlyElementsOf(metrics);
        assertThat(stored.params()).hasSize(150);
        assertThat(stored.tags()).hasSize(121 + 1); // chapkit.job_id and mlflow.runName
        assertThat(server.calls("runs/log-batch")).isEqualTo(3);
        // sending the same again changes nothing (params keep their values, metric points are a set)
        client.logBatch(run.runId(), metrics, params, tags);
        assertThat(server.runsOfJob("j").getFirst()).isEqualTo(stored);
    }

    @Test
    void aChangedParamIsRejectedForGoodAnd503IsRetryable() {
        String experiment = client.createExperiment("errors");
        String run = client.createRun(experiment, "r", 1, List.of()).runId();
        client.logBatch(run, List.of(), List.of(new Entry("alpha", "1")), List.of());

        assertThatThrownBy(() -> client.logBatch(run, List.of(), List.of(new Entry("alpha", "2")), List.of()))
                .isInstanceOfSatisfying(MlflowException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(400);
                    assertThat(ex.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
                    assertThat(ex.retryable()).isFalse();
                });
        server.unavailable(true);
        assertThatThrownBy(() -> client.endRun(run, "FINISHED", 2))
                .isInstanceOfSatisfying(MlflowException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(503);
                    assertThat(ex.retryable()).isTrue();
                });
    }

    @Test
    void noAnswerIsRetryable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThatThrownBy(() -> client(URI.create("http://127.0.0.1:" + port)).experimentId("x"))
                .isInstanceOfSatisfying(MlflowException.class, ex -> {
                    assertThat(ex.status()).isZero();
                    assertThat(ex.retryable()).isTrue();
                    assertThat(ex.getMessage()).contains("did not answer GET experiments/get-by-name");
                });
    }

    @Test
    void theRegistryKeepsOneModelPerNameAndFindsVersionsByRun() {
        String experiment = client.createExperiment("registry");
        String run = client.createRun(experiment, "r", 1, List.of()).runId();
        client.ensureRegisteredModel("forecaster");
        client.ensureRegisteredModel("forecaster");
        assertThat(client.modelVersionsOfRun(run)).isEmpty();

        MlflowClient.ModelVersion version =
                client.createModelVersion("forecaster", "runs:/" + run + "/model", run, List.of());

        assertThat(version.version()).isEqualTo("1");
        assertThat(client.modelVersionsOfRun(run)).containsExactly(version);
        assertThat(server.registeredModels()).containsExactly("forecaster");
    }
}
