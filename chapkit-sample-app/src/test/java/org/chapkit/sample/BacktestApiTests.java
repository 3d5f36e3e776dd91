package org.chapkit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code $backtest} against the sample regression model on synthetic data whose cases are a constant per location:
 * the model fits them exactly, so every split's MAE, RMSE and CRPS are 0 and both intervals cover every truth; the
 * evaluation artifact lists the rolling origins.
 */
class BacktestApiTests {

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
        void aBacktestOfAnExactlyFittingModelScoresZeroErrorAndFullCoverage() throws Exception {
            HttpApi api = new HttpApi(port);
            ForecastFlow flow = new ForecastFlow(api);
            String config = flow.createConfig("{\"prediction_periods\":2,\"n_samples\":5,\"lags\":1}");
            JsonMapper json = JsonMapper.builder().build();
            ObjectNode data = json.createObjectNode();
            data.putArray("columns")
                    .add("time_period")
                    .add("location")
                    .add("rainfall")
                    .add("mean_temperature")
                    .add("disease_cases");
            ArrayNode rows = data.putArray("data");
            for (int month = 0; month < 24; month++) {
                String period = "%d-%02d".formatted(2020 + month / 12, month % 12 + 1);
                rows.addArray()
                        .add(period)
                        .add("north")
                        .add(10.0 + (month * 7) % 11)
                        .add(20.0 + (month * 3) % 5)
                        .add(7);
                rows.addArray()
                        .add(period)
                        .add("south")
                        .add(30.0 + (month * 5) % 13)
                        .add(25.0 + month % 4)
                        .add(12);
            }
            var submitted = api.postJson(
                    "/api/v1/ml/$backtest",
                    "{\"config_id\":\"" + config + "\",\"data\":" + data + ",\"splits\":3,\"horizon\":2}");
            assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
            assertThat(submitted.json().get("message").asString()).startsWith("Backtest job submitted");
            JsonNode job = flow.awaitJob(submitted.json().get("job_id").asString());
            assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");

            JsonNode artifact = api.get("/api/v1/artifacts/"
                            + submitted.json().get("artifact_id").asString())
                    .json();
            JsonNode evaluation = artifact.get("data");
            assertThat(evaluation.get("type").asString()).isEqualTo("ml_evaluation");
            assertThat(evaluation.get("config_id").asString()).isEqualTo(config);
            assertThat(evaluation.get("horizon").asInt()).isEqualTo(2);
            JsonNode splits = evaluation.get("splits");
            assertThat(splits).hasSize(3);
            assertThat(splits.get(0).get("train_until").asString()).isEqualTo("2021-06");
            assertThat(splits.get(2).get("periods").toString()).isEqualTo("[\"2021-11\",\"2021-12\"]");
            assertThat(splits.get(0).get("train_rows").asInt()).isEqualTo(36);
            JsonNode overall = evaluation.get("overall");
            assertThat(overall.get("count").asInt()).isEqualTo(3 * 2 * 2);
            for (JsonNode scores : java.util.List.of(overall, splits.get(1).get("scores"))) {
                assertThat(scores.get("mae").asDouble()).isCloseTo(0.0, within(1e-6));
                assertThat(scores.get("rmse").asDouble()).isCloseTo(0.0, within(1e-6));
                assertThat(scores.get("crps").asDouble()).isCloseTo(0.0, within(1e-6));
                assertThat(scores.get("coverage_50").asDouble()).isEqualTo(1.0);
                assertThat(scores.get("coverage_90").asDouble()).isEqualTo(1.0);
            }
            assertThat(api.get("/api/v1/artifacts/" + artifact.get("id").asString() + "/$config")
                            .json()
                            .get("id")
                            .asString())
                    .isEqualTo(config);

            var tooShort = api.postJson(
                    "/api/v1/ml/$backtest",
                    "{\"config_id\":\"" + config + "\",\"data\":" + data + ",\"splits\":20,\"horizon\":2}");
            JsonNode failed = flow.awaitJob(tooShort.json().get("job_id").asString());
            assertThat(failed.get("status").asString()).isEqualTo("failed");
            assertThat(failed.get("error").asString()).contains("at least 41 periods");
            var invalid = api.postJson(
                    "/api/v1/ml/$backtest", "{\"config_id\":\"" + config + "\",\"data\":" + data + ",\"splits\":0}");
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(invalid.json().get("detail").asString()).contains("splits");
        }
    }
}
