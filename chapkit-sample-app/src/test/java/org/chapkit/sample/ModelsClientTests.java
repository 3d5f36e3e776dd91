package org.chapkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chapkit.client.ChapkitClient;
import org.chapkit.client.data.DataFrame;
import org.chapkit.client.job.JobSubmission;
import org.chapkit.client.ml.RegistryPredictRequest;
import org.chapkit.client.ml.SampleDataQuery;
import org.chapkit.client.ml.TrainRequest;
import org.chapkit.client.model.AliasMove;
import org.chapkit.client.model.ModelVersion;
import org.chapkit.client.model.RegisteredModel;
import org.chapkit.client.model.RoutingRule;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The typed client over the registry, routing, {@code $predict} by alias and the synchronous endpoints, against the
 * sample service.
 */
class ModelsClientTests {

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
        void theClientCoversTheRegistryRoutingAndInference() throws Exception {
            try (ChapkitClient client = ChapkitClient.create("http://127.0.0.1:" + port)) {
                String config = new ForecastFlow(new org.chapkit.test.HttpApi(port))
                        .createConfig("{\"prediction_periods\":3,\"n_samples\":2,\"lags\":1}");
                SampleDataQuery query = SampleDataQuery.DEFAULTS.withConfigId(config);
                DataFrame data = client.ml().sampleTrainData(query).data();
                JobSubmission trained = client.ml().train(new TrainRequest(config, data, null));
                assertThat(client.jobs()
                                .waitForJob(trained.jobId(), Duration.ofMinutes(2))
                                .status()
                                .name())
                        .isEqualToIgnoringCase("completed");

                List<RegisteredModel> models = client.models().list();
                String model = models.get(0).name();
                ModelVersion version = client.models().versions(model).stream()
                        .filter(v -> v.artifactId().equals(trained.artifactId()))
                        .findFirst()
                        .orElseThrow();
                assertThat(version.lineage().configId()).isEqualTo(config);
                var runLog = client.jobs().runLog(trained.jobId());
                assertThat(runLog.metric("train_rmse")).isNotEmpty();
                assertThat(runLog.params()).containsKeys("locations", "prediction_periods", "lags");
                assertThat(runLog.tags()).containsEntry("chapkit.config_id", config);
                assertThat(client.jobs().attempts(trained.jobId())).isEmpty();
                assertThat(version.lineage().metrics())
                        .containsEntry("train_rmse", runLog.latestMetrics().get("train_rmse"));
                assertThat(client.models().version(model, version.version())).isEqualTo(version);

                AliasMove move = client.models().setAlias(model, "client-alias", version.version(), 0);
                assertThat(move.toVersion()).isEqualTo(version.version());
                assertThat(client.models().get(model).aliases()).containsEntry("client-alias", version.version());
                assertThat(client.models().aliasHistory(model, "client-alias")).containsExactly(move);

                var prediction = client.ml().samplePredictData(query);
                JobSubmission predicted = client.ml()
                        .predict(new RegistryPredictRequest(
                                model, null, "client-alias", null, prediction.historic(), prediction.future(), null));
                assertThat(client.jobs()
                                .waitForJob(predicted.jobId(), Duration.ofMinutes(2))
                                .status()
                                .name())
                        .isEqualToIgnoringCase("completed");
                assertThat(client.artifacts().get(predicted.artifactId()).parentId())
                        .isEqualTo(trained.artifactId());

                JsonNode v2 = client.models().infer(model, "client-alias", prediction.historic(), prediction.future());
                assertThat(v2.get("model_version").asString()).isEqualTo(Integer.toString(version.version()));
                List<Map<String, Object>> records = client.models()
                        .invocations(model, version.version(), prediction.historic(), prediction.future());
                assertThat(records).hasSize(prediction.future().rows().size());
                assertThat(records.get(0)).containsKeys("time_period", "location", "sample_0");

                RoutingRule rule = client.models()
                        .setRouting(model, new RoutingRule(List.of(new RoutingRule.Split("client-alias", 1)), null));
                assertThat(client.models().routing(model)).isEqualTo(rule);
                client.models().deleteRouting(model);
                client.models().deleteAlias(model, "client-alias");
                assertThat(client.models().get(model).aliases()).doesNotContainKey("client-alias");

                // a training for a model of its own name (sorting after the service's, which tests take first)
                JobSubmission named = client.ml().train(new TrainRequest(config, data, null).forModel("client-model"));
                assertThat(client.jobs()
                                .waitForJob(named.jobId(), Duration.ofMinutes(2))
                                .status()
                                .name())
                        .isEqualToIgnoringCase("completed");
                assertThat(client.models().versions("client-model"))
                        .extracting(ModelVersion::artifactId)
                        .contains(named.artifactId());
                assertThat(client.models().versions(model))
                        .extracting(ModelVersion::artifactId)
                        .doesNotContain(named.artifactId());
            }
        }
    }
}
