package org.chapkit.ml.runner;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.data.TablesawFrames;
import tech.tablesaw.api.Table;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link ModelRunner} assembled from lambdas.
 *
 * <pre>{@code
 * ModelRunner<MyConfig, MyModel> runner = FunctionalModelRunner.builder(MyConfig.class, MyModel.class)
 *         .train((in, ctx) -> MyModel.fit(in.config(), in.data()))
 *         .predictFrame((in, ctx) -> in.model().forecast(in.historic(), in.future()))
 *         .build();
 * }</pre>
 *
 * {@link Builder#predictFrame} takes a function returning a {@link DataFrame}; {@link Builder#predict} one returning a
 * Tablesaw {@code Table}, which needs {@code tech.tablesaw:tablesaw-core} on the application's class path (an
 * optional dependency of {@code chapkit-ml}).
 *
 * @param <C> the config type
 * @param <M> the model type
 */
public final class FunctionalModelRunner<C, M> implements ModelRunner<C, M> {

    private final Class<C> configType;
    private final ModelCodec<M> codec;
    private final TrainFunction<C, M> train;
    private final FramePredictFunction<C, M> predict;
    private final Function<TrainInput<C>, List<ValidationDiagnostic>> validateTrain;
    private final Function<PredictValidationInput<C>, List<ValidationDiagnostic>> validatePredict;

    private FunctionalModelRunner(Builder<C, M> builder) {
        this.configType = builder.configType;
        this.codec = builder.codec;
        this.train = Objects.requireNonNull(builder.train, "train function is required");
        this.predict = Objects.requireNonNull(builder.predict, "predict function is required");
        this.validateTrain = builder.validateTrain;
        this.validatePredict = builder.validatePredict;
    }

    /**
     * A builder whose model is stored as JSON.
     *
     * @param configType the config class
     * @param modelType the model class (a record or other Jackson-friendly type)
     * @param <C> the config type
     * @param <M> the model type
     * @return the builder
     */
    public static <C, M> Builder<C, M> builder(Class<C> configType, Class<M> modelType) {
        return new Builder<>(configType, ModelCodec.json(JsonMapper.builder().build(), modelType));
    }

    /**
     * A builder with an explicit model codec.
     *
     * @param configType the config class
     * @param codec the model codec
     * @param <C> the config type
     * @param <M> the model type
     * @return the builder
     */
    public static <C, M> Builder<C, M> builder(Class<C> configType, ModelCodec<M> codec) {
        return new Builder<>(configType, codec);
    }

    @Override
    public Class<C> configType() {
        return configType;
    }

    @Override
    public ModelCodec<M> modelCodec() {
        return codec;
    }

    @Override
    public TrainResult<M> train(TrainInput<C> input, RunContext context) throws Exception {
        return TrainResult.of(train.train(input, context));
    }

    @Override
    public PredictResult predict(PredictInput<C, M> input, RunContext context) throws Exception {
        return PredictResult.of(predict.predict(input, context));
    }

    @Override
    public List<ValidationDiagnostic> validateTrain(TrainInput<C> input) {
        return validateTrain == null ? List.of() : List.copyOf(validateTrain.apply(input));
    }

    @Override
    public List<ValidationDiagnostic> validatePredict(PredictValidationInput<C> input) {
        return validatePredict == null ? List.of() : List.copyOf(validatePredict.apply(input));
    }

    /**
     * Trains a model.
     *
     * @param <C> the config type
     * @param <M> the model type
     */
    @FunctionalInterface
    public interface TrainFunction<C, M> {
        /**
         * Trains.
         *
         * @param input config, data and geo
         * @param context cancellation and service attributes
         * @return the model
         * @throws Exception to fail the job
         */
        M train(TrainInput<C> input, RunContext context) throws Exception;
    }

    /**
     * Predicts with a model, returning a {@link DataFrame}.
     *
     * @param <C> the config type
     * @param <M> the model type
     */
    @FunctionalInterface
    public interface FramePredictFunction<C, M> {
        /**
         * Predicts.
         *
         * @param input config, model, history, future and geo
         * @param context cancellation and service attributes
         * @return the predictions
         * @throws Exception to fail the job
         */
        DataFrame predict(PredictInput<C, M> input, RunContext context) throws Exception;
    }

    /**
     * Predicts with a model, returning a Tablesaw {@code Table} (needs {@code tech.tablesaw:tablesaw-core}).
     *
     * @param <C> the config type
     * @param <M> the model type
     */
    @FunctionalInterface
    public interface PredictFunction<C, M> {
        /**
         * Predicts.
         *
         * @param input config, model, history, future and geo
         * @param context cancellation and service attributes
         * @return the predictions
         * @throws Exception to fail the job
         */
        Table predict(PredictInput<C, M> input, RunContext context) throws Exception;
    }

    /**
     * Builds a {@link FunctionalModelRunner}.
     *
     * @param <C> the config type
     * @param <M> the model type
     */
    public static final class Builder<C, M> {

        private final Class<C> configType;
        private final ModelCodec<M> codec;
        private TrainFunction<C, M> train;
        private FramePredictFunction<C, M> predict;
        private Function<TrainInput<C>, List<ValidationDiagnostic>> validateTrain;
        private Function<PredictValidationInput<C>, List<ValidationDiagnostic>> validatePredict;

        private Builder(Class<C> configType, ModelCodec<M> codec) {
            this.configType = Objects.requireNonNull(configType, "configType");
            this.codec = Objects.requireNonNull(codec, "codec");
        }

        /**
         * Sets the train function (required).
         *
         * @param function the function
         * @return this builder
         */
        public Builder<C, M> train(TrainFunction<C, M> function) {
            this.train = function;
            return this;
        }

        /**
         * Sets the predict function returning a Tablesaw {@code Table} (this or {@link #predictFrame} is
         * required).
         *
         * @param function the function
         * @return this builder
         */
        public Builder<C, M> predict(PredictFunction<C, M> function) {
            Objects.requireNonNull(function, "function");
            this.predict = (input, context) -> TablesawFrames.fromTable(function.predict(input, context));
            return this;
        }

        /**
         * Sets the predict function returning a {@link DataFrame} (this or {@link #predict} is required).
         *
         * @param function the function
         * @return this builder
         */
        public Builder<C, M> predictFrame(FramePredictFunction<C, M> function) {
            this.predict = function;
            return this;
        }

        /**
         * Sets the train validation hook.
         *
         * @param function the hook
         * @return this builder
         */
        public Builder<C, M> validateTrain(Function<TrainInput<C>, List<ValidationDiagnostic>> function) {
            this.validateTrain = function;
            return this;
        }

        /**
         * Sets the predict validation hook.
         *
         * @param function the hook
         * @return this builder
         */
        public Builder<C, M> validatePredict(Function<PredictValidationInput<C>, List<ValidationDiagnostic>> function) {
            this.validatePredict = function;
            return this;
        }

        /**
         * Builds the runner.
         *
         * @return the runner
         * @throws NullPointerException when train or predict is missing
         */
        public FunctionalModelRunner<C, M> build() {
            return new FunctionalModelRunner<>(this);
        }
    }
}
