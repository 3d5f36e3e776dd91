package org.chapkit.ml.runner;

import java.util.List;

/**
 * The train/predict logic of an ML service. Provide one with {@link FunctionalModelRunner#builder lambdas}, an
 * {@link AnnotatedModelRunner annotated bean} or the {@link org.chapkit.ml.shell.ShellModelRunner shell runner}.
 *
 * <p>Train and predict run on the job system; the validation hooks run inside a {@code $validate} request after the
 * framework's own checks, and only when those found no error.
 *
 * @param <C> the config type (the typed {@code data} of a config)
 * @param <M> the model type
 */
public interface ModelRunner<C, M> {

    /**
     * The config type, used to bind a config's {@code data}.
     *
     * @return the class
     */
    Class<C> configType();

    /**
     * How the trained model is stored in the training artifact.
     *
     * @return the codec
     */
    ModelCodec<M> modelCodec();

    /**
     * Trains a model.
     *
     * @param input config, data and geo
     * @param context cancellation and service attributes
     * @return the model and, for commands, how they ended
     * @throws Exception when training fails (the job fails with it)
     */
    TrainResult<M> train(TrainInput<C> input, RunContext context) throws Exception;

    /**
     * Predicts with a trained model.
     *
     * @param input config, model, history, future and geo
     * @param context cancellation and service attributes
     * @return the predictions and optional workspace
     * @throws Exception when prediction fails (the job fails with it)
     */
    PredictResult predict(PredictInput<C, M> input, RunContext context) throws Exception;

    /**
     * Model-specific checks of a train request; none by default.
     *
     * @param input config, data and geo
     * @return diagnostics, empty when all is well
     */
    default List<ValidationDiagnostic> validateTrain(TrainInput<C> input) {
        return List.of();
    }

    /**
     * Model-specific checks of a predict request; none by default.
     *
     * @param input config, history, future and geo
     * @return diagnostics, empty when all is well
     */
    default List<ValidationDiagnostic> validatePredict(PredictValidationInput<C> input) {
        return List.of();
    }
}
