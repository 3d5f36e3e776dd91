package org.chapkit.ml.result;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.geo.FeatureCollection;
import org.chapkit.ml.runner.ModelRunner;
import org.chapkit.ml.runner.PredictInput;
import org.chapkit.ml.runner.PredictResult;
import org.chapkit.ml.runner.ProcessOutcome;
import org.chapkit.ml.runner.RunContext;
import org.chapkit.ml.runner.TrainInput;
import org.chapkit.ml.runner.TrainResult;
import tools.jackson.databind.JsonNode;

/**
 * Runs a runner's train or predict, timed as chapkit times it (only the runner call, not encoding or zipping), and
 * turns the result into artifact payloads (§6.3–6.4 of the contract).
 */
public final class ModelRuns {

    private final Clock clock;

    /**
     * Creates the helper.
     *
     * @param clock the clock for {@code started_at} / {@code completed_at}
     */
    public ModelRuns(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Trains and builds the training artifact. A non-zero exit of a training command yields an artifact with
     * {@code status="failed"}, not an exception.
     *
     * @param runner the runner
     * @param configId the config ULID
     * @param input config, data and geo
     * @param context cancellation and attributes
     * @param <C> the config type
     * @param <M> the model type
     * @return the training artifact
     * @throws Exception when the runner fails
     */
    public <C, M> TrainingArtifact train(
            ModelRunner<C, M> runner, String configId, TrainInput<C> input, RunContext context) throws Exception {
        Instant started = clock.instant();
        TrainResult<M> result = runner.train(input, context);
        Instant completed = clock.instant();
        ProcessOutcome process = result.process();
        MLMetadata metadata = MLMetadata.of(
                result.succeeded(),
                configId,
                started,
                completed,
                process == null ? null : process.exitCode(),
                process == null ? null : process.stdout(),
                process == null ? null : process.stderr());
        byte[] content = runner.modelCodec().encode(result.model());
        String modelClass =
                result.model() == null ? null : result.model().getClass().getName();
        return new TrainingArtifact(content, runner.modelCodec().contentType(), metadata, modelClass);
    }

    /**
     * Decodes the model from a training artifact's content, predicts, attaches a schema to the predictions and
     * builds the prediction artifacts.
     *
     * @param runner the runner
     * @param configId the config ULID (from the training artifact's metadata)
     * @param config the typed config
     * @param trainingContent the training artifact's content bytes
     * @param historic the history
     * @param future the future
     * @param geo the optional geo
     * @param requiredCovariates the service's required covariates, for the prediction schema
     * @param configSchema the config JSON Schema, for the prediction schema (may be {@code null})
     * @param context cancellation and attributes
     * @param <C> the config type
     * @param <M> the model type
     * @return the prediction artifact data and optional workspace artifact
     * @throws Exception when decoding or the runner fails
     */
    public <C, M> PredictionArtifacts predict(
            ModelRunner<C, M> runner,
            String configId,
            C config,
            byte[] trainingContent,
            DataFrame historic,
            DataFrame future,
            FeatureCollection geo,
            List<String> requiredCovariates,
            JsonNode configSchema,
            RunContext context)
            throws Exception {
        M model = runner.modelCodec().decode(trainingContent);
        return predictDecoded(
                runner, configId, config, model, historic, future, geo, requiredCovariates, configSchema, context);
    }

    /**
     * Predicts with a model decoded already (the synchronous inference endpoints keep decoded models in a cache),
     * otherwise as {@link #predict}.
     *
     * @param runner the runner
     * @param configId the config ULID (from the training artifact's metadata)
     * @param config the typed config
     * @param model the decoded model
     * @param historic the history
     * @param future the future
     * @param geo the optional geo
     * @param requiredCovariates the service's required covariates, for the prediction schema
     * @param configSchema the config JSON Schema, for the prediction schema (may be {@code null})
     * @param context cancellation and attributes
     * @param <C> the config type
     * @param <M> the model type
     * @return the prediction artifact data and optional workspace artifact
     * @throws Exception when the runner fails
     */
    public <C, M> PredictionArtifacts predictDecoded(
            ModelRunner<C, M> runner,
            String configId,
            C config,
            M model,
            DataFrame historic,
            DataFrame future,
            FeatureCollection geo,
            List<String> requiredCovariates,
            JsonNode configSchema,
            RunContext context)
            throws Exception {
        Instant started = clock.instant();
        PredictResult result = runner.predict(new PredictInput<>(config, model, historic, future, geo), context);
        Instant completed = clock.instant();
        DataFrame predictions = result.predictions().schema() == null
                ? result.predictions().withInferredSchema(requiredCovariates, configSchema)
                : result.predictions();
        // chapkit marks the prediction itself successful even when the command exited non-zero.
        MLMetadata predictionMetadata = MLMetadata.of(true, configId, started, completed, null, null, null);
        Optional<PredictionWorkspaceArtifact> workspace = Optional.empty();
        if (result.workspaceZip() != null) {
            ProcessOutcome process = result.process();
            MLMetadata workspaceMetadata = MLMetadata.of(
                    process == null || process.succeeded(),
                    configId,
                    started,
                    completed,
                    process == null ? null : process.exitCode(),
                    process == null ? null : process.stdout(),
                    process == null ? null : process.stderr());
            workspace = Optional.of(new PredictionWorkspaceArtifact(result.workspaceZip(), workspaceMetadata));
        }
        return new PredictionArtifacts(PredictionArtifactData.of(predictionMetadata, predictions), workspace);
    }
}
