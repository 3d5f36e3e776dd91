package org.chapkit.ml.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.geo.FeatureCollection;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tools.jackson.databind.json.JsonMapper;

class AnnotatedModelRunnerTests {

    record Config(int predictionPeriods, double scale) {}

    record MeanModel(double mean) {}

    /** Something the hosting service injects, standing in for the artifact manager or a job context. */
    record ServiceThing(String name) {}

    static final DataFrame DATA = DataFrame.of(
            List.of("time_period", "location", "disease_cases"),
            List.of(DataFrame.row("2020-01", "location_0", 10.0), DataFrame.row("2020-02", "location_0", 30L)));

    static final DataFrame FUTURE = DataFrame.of(
            List.of("time_period", "location", "disease_cases"), List.of(DataFrame.row("2020-03", "location_0", null)));

    /** Uses every kind of injection, in an unusual order. */
    static class MeanModelBean {
        final List<String> calls = new ArrayList<>();

        @Train
        MeanModel fit(Table data, ServiceThing thing, Config config, Cancellation cancellation, FeatureCollection geo) {
            calls.add("train " + thing.name() + " geo=" + (geo == null ? "none" : geo.size()));
            cancellation.throwIfCancelled();
            return new MeanModel(data.doubleColumn("disease_cases").mean() * config.scale());
        }

        @Predict
        Table forecast(@Future Table upcoming, MeanModel model, DataFrame historic, RunContext context) {
            calls.add("predict history=" + historic.size() + " ctx="
                    + context.attribute(ServiceThing.class).isPresent());
            Table out = Table.create("predictions");
            out.addColumns(
                    StringColumn.create(
                            "time_period", upcoming.stringColumn("time_period").asList()),
                    DoubleColumn.create("sample_0", new double[] {model.mean()}));
            return out;
        }

        @ValidateTrain
        List<ValidationDiagnostic> checkTrain(Config config, DataFrame data) {
            return config.scale() <= 0
                    ? List.of(ValidationDiagnostic.error("bad_scale", "scale must be positive", "config.scale"))
                    : List.of(ValidationDiagnostic.info("rows", data.size() + " rows", null));
        }

        @ValidatePredict
        List<ValidationDiagnostic> checkPredict(@Historic Table past, Table future) {
            return List.of(
                    ValidationDiagnostic.warning("short", past.rowCount() + "/" + future.rowCount(), "historic"));
        }
    }

    @Test
    void injectsParametersByTypeNameAndQualifier() throws Exception {
        MeanModelBean bean = new MeanModelBean();
        AnnotatedModelRunner<Config> runner = AnnotatedModelRunner.of(
                bean, Config.class, null, List.of(InjectionResolver.contextAttribute(ServiceThing.class)));
        RunContext context = new RunContext(Cancellation.none(), Map.of(ServiceThing.class, new ServiceThing("svc")));
        Config config = new Config(3, 2.0);

        TrainResult<Object> trained = runner.train(new TrainInput<>(config, DATA, null), context);
        byte[] stored = runner.modelCodec().encode(trained.model());
        Object model = runner.modelCodec().decode(stored);
        PredictResult predicted = runner.predict(new PredictInput<>(config, model, DATA, FUTURE, null), context);

        assertThat(runner.modelCodec().contentType()).isEqualTo("application/json");
        assertThat(new String(stored)).isEqualTo("{\"mean\":40.0}");
        assertThat(model).isEqualTo(new MeanModel(40.0));
        assertThat(predicted.predictions().rows()).containsExactly(DataFrame.row("2020-03", 40.0));
        assertThat(predicted.workspaceZip()).isNull();
        assertThat(bean.calls).containsExactly("train svc geo=none", "predict history=2 ctx=true");
        assertThat(runner.validateTrain(new TrainInput<>(new Config(3, 0), DATA, null)))
                .extracting(ValidationDiagnostic::code)
                .containsExactly("bad_scale");
        assertThat(runner.validatePredict(new PredictValidationInput<>(config, DATA, FUTURE, null)))
                .containsExactly(ValidationDiagnostic.warning("short", "2/1", "historic"));
    }

    @Test
    void cancellationReachesTheBean() {
        AnnotatedModelRunner<Config> runner = AnnotatedModelRunner.of(
                new MeanModelBean(),
                Config.class,
                null,
                List.of(InjectionResolver.constant(ServiceThing.class, new ServiceThing("c"))));
        CancellationSource cancellation = new CancellationSource();
        cancellation.cancel();

        assertThatThrownBy(
                        () -> runner.train(new TrainInput<>(new Config(1, 1), DATA, null), RunContext.of(cancellation)))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
    }

    @Test
    void anUnsatisfiableParameterFailsAtConstructionNamingMethodAndParameter() {
        assertThatThrownBy(() -> AnnotatedModelRunner.of(new MeanModelBean(), Config.class))
                .isInstanceOf(RunnerDefinitionException.class)
                .hasMessageContaining("parameter 'thing'")
                .hasMessageContaining("MeanModelBean.fit")
                .hasMessageContaining("no InjectionResolver supplies it");
    }

    static class AmbiguousTables {
        @Train
        MeanModel train(Table data) {
            return new MeanModel(1);
        }

        @Predict
        Table predict(Table first, Table second) {
            return first;
        }
    }

    @Test
    void anUnqualifiedPredictTableFailsAtConstruction() {
        assertThatThrownBy(() -> AnnotatedModelRunner.of(new AmbiguousTables(), Config.class))
                .isInstanceOf(RunnerDefinitionException.class)
                .hasMessageContaining("parameter 'first'")
                .hasMessageContaining("AmbiguousTables.predict")
                .hasMessageContaining("@Historic or @Future");
    }

    static class NoPredict {
        @Train
        MeanModel train(Table data) {
            return new MeanModel(1);
        }
    }

    static class BadPredictReturn {
        @Train
        MeanModel train(Table data) {
            return new MeanModel(1);
        }

        @Predict
        String predict(Table historic) {
            return "";
        }
    }

    @Test
    void badBeansFailAtConstruction() {
        assertThatThrownBy(() -> AnnotatedModelRunner.of(new NoPredict(), Config.class))
                .isInstanceOf(RunnerDefinitionException.class)
                .hasMessageContaining("has no @Predict method");
        assertThatThrownBy(() -> AnnotatedModelRunner.of(new BadPredictReturn(), Config.class))
                .isInstanceOf(RunnerDefinitionException.class)
                .hasMessageContaining("BadPredictReturn.predict must return a Table or a DataFrame");
    }

    @Test
    void functionalRunnerWrapsLambdas() throws Exception {
        ModelRunner<Config, MeanModel> runner = FunctionalModelRunner.builder(Config.class, MeanModel.class)
                .train((in, ctx) -> new MeanModel(
                        in.dataTable().doubleColumn("disease_cases").mean()))
                .predict((in, ctx) -> in.futureTable()
                        .replaceColumn("disease_cases", DoubleColumn.create("disease_cases", new double[] {
                            in.model().mean()
                        })))
                .validateTrain(in -> List.of(ValidationDiagnostic.info("ok", "fine", null)))
                .build();
        Config config = new Config(1, 1);

        MeanModel model = runner.train(new TrainInput<>(config, DATA, null), RunContext.none())
                .model();
        PredictResult predicted =
                runner.predict(new PredictInput<>(config, model, DATA, FUTURE, null), RunContext.none());

        assertThat(model).isEqualTo(new MeanModel(20.0));
        assertThat(predicted.predictions().rows()).containsExactly(DataFrame.row("2020-03", "location_0", 20.0));
        assertThat(runner.validateTrain(new TrainInput<>(config, DATA, null))).hasSize(1);
        assertThat(runner.validatePredict(new PredictValidationInput<>(config, DATA, FUTURE, null)))
                .isEmpty();
    }

    @Test
    void codecsNeverUseJavaSerialization() {
        ModelCodec<byte[]> raw = ModelCodec.bytes("application/octet-stream");
        assertThat(raw.decode(raw.encode(new byte[] {1, 2}))).containsExactly(1, 2);

        ModelCodec<MeanModel> json = ModelCodec.json(JsonMapper.builder().build(), MeanModel.class);
        assertThat(json.decode(json.encode(new MeanModel(1.5)))).isEqualTo(new MeanModel(1.5));
        assertThat(json.contentType()).isEqualTo("application/json");
    }

    @Test
    void diagnosticsSerializeWithChapkitsKeysAndLimits() {
        JsonMapper mapper = JsonMapper.builder().build();
        assertThat(mapper.writeValueAsString(ValidationDiagnostic.error("data_empty", "No rows", "data")))
                .isEqualTo(
                        "{\"severity\":\"error\",\"code\":\"data_empty\",\"message\":\"No rows\",\"field\":\"data\"}");
        assertThat(mapper.writeValueAsString(ValidationDiagnostic.info("x", "y", null)))
                .contains("\"field\":null");
        assertThatThrownBy(() -> ValidationDiagnostic.error("c".repeat(129), "m", null))
                .hasMessageContaining("maximum is 128");
    }
}
