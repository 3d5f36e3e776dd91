package org.chapkit.ml.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.runner.FunctionalModelRunner;
import org.chapkit.ml.runner.ModelRunner;
import org.chapkit.ml.runner.RunContext;
import org.chapkit.ml.runner.TrainInput;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ModelRunsTests {

    record Config(int predictionPeriods) {}

    record Model(double level) {}

    final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void metadataHasChapkitsKeysWithExplicitNulls() {
        MLMetadata metadata = MLMetadata.of(
                true,
                "01K0000000000000000000000A",
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:01.2345Z"),
                null,
                null,
                null);

        assertThat(mapper.writeValueAsString(metadata))
                .isEqualTo("{\"status\":\"success\",\"config_id\":\"01K0000000000000000000000A\","
                        + "\"started_at\":\"2026-01-01T00:00:00+00:00\","
                        + "\"completed_at\":\"2026-01-01T00:00:01.234500+00:00\",\"duration_seconds\":1.23,"
                        + "\"exit_code\":null,\"stdout\":null,\"stderr\":null}");
    }

    @Test
    void buildsTrainingAndPredictionArtifactsWithExactKeys() throws Exception {
        ModelRunner<Config, Model> runner = FunctionalModelRunner.builder(Config.class, Model.class)
                .train((in, ctx) -> new Model(7.5))
                .predict((in, ctx) -> in.futureTable()
                        .selectColumns("time_period", "location")
                        .addColumns(DoubleColumn.create(
                                "sample_0", new double[] {in.model().level()})))
                .build();
        ModelRuns runs = new ModelRuns(ticking(
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:02Z", "2026-01-01T00:01:00Z", "2026-01-01T00:01:00.5Z"));
        DataFrame data = DataFrame.of(
                List.of("time_period", "location", "disease_cases"),
                List.of(DataFrame.row("2020-01", "location_0", 3.0)));
        DataFrame future = DataFrame.of(
                List.of("time_period", "location", "disease_cases"),
                List.of(DataFrame.row("2020-02", "location_0", null)));

        TrainingArtifact training = runs.train(
                runner, "01K0000000000000000000000A", new TrainInput<>(new Config(1), data, null), RunContext.none());
        PredictionArtifacts predicted = runs.predict(
                runner,
                "01K0000000000000000000000A",
                new Config(1),
                training.content(),
                data,
                future,
                null,
                List.of(),
                null,
                RunContext.none());

        assertThat(training.contentType()).isEqualTo("application/json");
        assertThat(new String(training.content())).isEqualTo("{\"level\":7.5}");
        assertThat(training.metadata().durationSeconds()).isEqualTo(2.0);
        assertThat(training.metadata().status()).isEqualTo("success");
        assertThat(predicted.workspace()).isEmpty();

        JsonNode json = mapper.valueToTree(predicted.prediction());
        List<String> keys = new ArrayList<>(json.propertyNames());
        assertThat(keys).containsExactly("type", "metadata", "content", "content_type", "content_size");
        assertThat(json.get("type").asString()).isEqualTo("ml_prediction");
        assertThat(json.get("content_type").asString()).isEqualTo("application/vnd.chapkit.dataframe+json");
        assertThat(json.get("content_size").isNull()).isTrue();
        assertThat(json.at("/metadata/duration_seconds").asDouble()).isEqualTo(0.5);
        assertThat(json.at("/metadata/started_at").asString()).isEqualTo("2026-01-01T00:01:00+00:00");
        assertThat(mapper.writeValueAsString(json.get("content")))
                .isEqualTo("{\"columns\":[\"time_period\",\"location\",\"sample_0\"],"
                        + "\"data\":[[\"2020-02\",\"location_0\",7.5]],\"schema\":{\"fields\":["
                        + "{\"name\":\"time_period\",\"type\":\"string\",\"title\":null,\"description\":null},"
                        + "{\"name\":\"location\",\"type\":\"string\",\"title\":null,\"description\":null},"
                        + "{\"name\":\"sample_0\",\"type\":\"number\",\"title\":null,\"description\":null}]}}");
    }

    /** A clock returning the given instants in turn. */
    private static Clock ticking(String... instants) {
        Iterator<String> next = List.of(instants).iterator();
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.parse(next.next());
            }
        };
    }
}
