package org.chapkit.ml.service;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.artifact.ArtifactSeal;
import org.chapkit.artifact.StoredArtifact;
import org.chapkit.config.BaseConfig;
import org.chapkit.config.Config;
import org.chapkit.config.ConfigManager;
import org.chapkit.config.StoredConfig;
import org.chapkit.id.Ulids;
import org.chapkit.info.ServiceInfo;
import org.chapkit.job.JobContext;
import org.chapkit.job.JobType;
import org.chapkit.job.RunLog;
import org.chapkit.ml.api.PredictRequest;
import org.chapkit.ml.api.TrainRequest;
import org.chapkit.ml.api.ValidateRequest;
import org.chapkit.ml.api.ValidateResponse;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.evaluation.Backtest;
import org.chapkit.ml.evaluation.BacktestRequest;
import org.chapkit.ml.evaluation.EvaluationArtifactData;
import org.chapkit.ml.evaluation.ForecastScores;
import org.chapkit.ml.geo.FeatureCollection;
import org.chapkit.ml.registry.ModelLineage;
import org.chapkit.ml.registry.ModelRegistry;
import org.chapkit.ml.registry.TrainingLineage;
import org.chapkit.ml.result.ModelRuns;
import org.chapkit.ml.result.PredictionArtifactData;
import org.chapkit.ml.result.PredictionArtifacts;
import org.chapkit.ml.result.PredictionWorkspaceArtifact;
import org.chapkit.ml.result.TrainingArtifact;
import org.chapkit.ml.result.WorkspaceArtifactData;
import org.chapkit.ml.runner.ModelRunner;
import org.chapkit.ml.runner.PredictValidationInput;
import org.chapkit.ml.runner.RunContext;
import org.chapkit.ml.runner.TrainInput;
import org.chapkit.ml.runner.TrainResult;
import org.chapkit.ml.runner.ValidationDiagnostic;
import org.chapkit.ml.shell.WorkspaceArchive;
import org.chapkit.time.UtcTimestamps;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Runs chapkit's train and predict flows (contract §6.3–§6.4) inside jobs and answers {@code $validate} (§3.7).
 *
 * <p>Train: load the config (the job fails when it is missing or its {@code prediction_periods} is out of the
 * service's bounds), run the runner, store the level-0 {@code ml_training_workspace} artifact under the
 * pre-allocated id and link it to the config. Predict: load and check the training artifact and its config, run
 * the runner, store the level-1 {@code ml_prediction} (exactly five keys) under the pre-allocated id and, for
 * runners with a workspace, a level-2 {@code ml_prediction_workspace}. Each store happens in one transaction.
 */
public final class MlWorkflow {

    /** Job type of training jobs: the payload names the config; the request is the job's stored input. */
    public static final JobType<MlJobPayload> TRAIN_JOB = JobType.of("ml.train", MlJobPayload.class);

    /** Job type of backtest jobs: the payload names the config; the request is the job's stored input. */
    public static final JobType<MlJobPayload> BACKTEST_JOB = JobType.of("ml.backtest", MlJobPayload.class);

    /** Job type of prediction jobs: the payload names the training artifact; the request is the job's stored input. */
    public static final JobType<MlJobPayload> PREDICT_JOB = JobType.of("ml.predict", MlJobPayload.class);

    private final ModelRunner<Object, Object> runner;
    private final ConfigManager<?> configs;
    private final ArtifactManager artifacts;
    private final ServiceInfo info;
    private final TransactionOperations transactions;
    private final ModelRuns runs;
    private final TrainingArtifactCheck trainingCheck;
    private final ModelRegistry registry;
    private final Clock clock;
    private final ObservationRegistry observations;

    /** Name of the observation around a runner's train or predict call (key {@code runner.operation}). */
    public static final String RUNNER_OBSERVATION = "chapkit.runner";

    /** Name of the observation around storing a job's artifacts. */
    public static final String STORE_OBSERVATION = "chapkit.artifact.store";

    /**
     * Creates the workflow.
     *
     * @param runner the service's model runner; its config type must accept the service's config record
     * @param configs the configs
     * @param artifacts the artifacts
     * @param info the service info ({@code min/max_prediction_periods}, {@code required_covariates})
     * @param transactions runs each artifact store in one transaction
     * @param clock the clock of {@code started_at} / {@code completed_at}
     * @throws IllegalArgumentException when the runner's config type does not match the config record
     */
    @SuppressWarnings("unchecked")
    public MlWorkflow(
            ModelRunner<?, ?> runner,
            ConfigManager<?> configs,
            ArtifactManager artifacts,
            ServiceInfo info,
            TransactionOperations transactions,
            Clock clock) {
        this(runner, configs, artifacts, info, transactions, clock, null);
    }

    /**
     * Creates the workflow with a model registry: every successful training becomes the next version of the
     * registry's default model, in the transaction that stores its artifact.
     *
     * @param runner the service's model runner; its config type must accept the service's config record
     * @param configs the configs
     * @param artifacts the artifacts
     * @param info the service info ({@code min/max_prediction_periods}, {@code required_covariates})
     * @param transactions runs each artifact store in one transaction
     * @param clock the clock of {@code started_at} / {@code completed_at}
     * @param registry the model registry, or {@code null} for none
     * @param observations where the observations go
     * @throws IllegalArgumentException when the runner's config type does not match the config record
     */
    @SuppressWarnings("unchecked")
    public MlWorkflow(
            ModelRunner<?, ?> runner,
            ConfigManager<?> configs,
            ArtifactManager artifacts,
            ServiceInfo info,
            TransactionOperations transactions,
            Clock clock,
            ModelRegistry registry) {
        this(runner, configs, artifacts, info, transactions, clock, registry, ObservationRegistry.NOOP);
    }

    /**
     * Creates the workflow with a model registry (or {@code null}) that reports each runner call
     * ({@value #RUNNER_OBSERVATION}), each artifact store ({@value #STORE_OBSERVATION}) and, through the run context,
     * each shell command as an observation.
     *
     * @param runner the service's model runner; its config type must accept the service's config record
     * @param configs the configs
     * @param artifacts the artifacts
     * @param info the service info
     * @param transactions runs each artifact store in one transaction
     * @param clock the clock of {@code started_at} / {@code completed_at}
     * @param registry the model registry, or {@code null} for none
     * @param observations where the observations go
     */
    @SuppressWarnings("unchecked")
    public MlWorkflow(
            ModelRunner<?, ?> runner,
            ConfigManager<?> configs,
            ArtifactManager artifacts,
            ServiceInfo info,
            TransactionOperations transactions,
            Clock clock,
            ModelRegistry registry,
            ObservationRegistry observations) {
        this.observations = Objects.requireNonNull(observations, "observations");
        this.registry = registry;
        this.runner = (ModelRunner<Object, Object>) Objects.requireNonNull(runner, "runner");
        this.configs = Objects.requireNonNull(configs, "configs");
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.info = Objects.requireNonNull(info, "info");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.runs = new ModelRuns(clock);
        this.clock = clock;
        this.trainingCheck = new TrainingArtifactCheck(artifacts, configs, info);
        Class<?> recordType = configs.type().type();
        if (!runner.configType().isAssignableFrom(recordType)) {
            throw new IllegalArgumentException(
                    "The model runner's config type " + runner.configType().getName()
                            + " does not accept the service's config record " + recordType.getName()
                            + " (set chapkit.config.type or a ConfigDefinition bean to the runner's config record)");
        }
    }

    /**
     * The model registry trainings register in.
     *
     * @return the registry, if the workflow has one
     */
    public Optional<ModelRegistry> registry() {
        return Optional.ofNullable(registry);
    }

    /**
     * The runner.
     *
     * @return the model runner
     */
    public ModelRunner<?, ?> runner() {
        return runner;
    }

    /**
     * Trains and stores the level-0 artifact under {@code artifactId}, linked to the config.
     *
     * @param request the train request
     * @param artifactId the pre-allocated artifact id
     * @param job the running job
     * @return the artifact id
     * @throws Exception when the config is missing or invalid, or the runner fails
     */
    public String train(TrainRequest request, String artifactId, JobContext job) throws Exception {
        return train(request, artifactId, job, () -> {});
    }

    /**
     * Trains and stores the level-0 artifact under {@code artifactId}, linked to the config; {@code alsoOnStore} runs
     * in the transaction that stores it (a job handler deletes the job's stored input there).
     *
     * @param request the train request
     * @param artifactId the pre-allocated artifact id
     * @param job the running job
     * @param alsoOnStore more work for the storing transaction
     * @return the artifact id
     * @throws Exception when the config is missing or invalid, or the runner fails
     */
    public String train(TrainRequest request, String artifactId, JobContext job, Runnable alsoOnStore)
            throws Exception {
        Config<? extends BaseConfig> config = configs.findTyped(requireUlid(request.configId(), "config_id"))
                .orElseThrow(() -> new IllegalArgumentException("Config " + request.configId() + " not found"));
        requirePeriodsInBounds(config.data());
        job.throwIfCancelled();
        RunLogParams.logTraining(job.runLog(), config, configs.find(config.id()).map(StoredConfig::data));
        TrainingArtifact trained = observed(
                "train",
                job,
                () -> runs.train(
                        runner,
                        config.id(),
                        new TrainInput<>(config.data(), request.data(), request.geo()),
                        context(job)));
        job.throwIfCancelled();
        ModelLineage lineage = registry == null || !trained.metadata().succeeded()
                ? null
                : TrainingLineage.of(
                        config.id(),
                        config.version(),
                        request.data(),
                        runner.getClass(),
                        trained.modelClass(),
                        trained.metadata().durationSeconds(),
                        job.jobId(),
                        job.runLog().latestMetrics());
        store(
                artifactId,
                () -> transactions.executeWithoutResult(status -> {
                    artifacts.create(
                            WorkspaceArtifactData.TRAINING_KIND,
                            artifactId,
                            null,
                            WorkspaceArtifactData.created(WorkspaceArtifactData.TRAINING_KIND, trained.metadata()),
                            List.of());
                    writeContent(artifactId, trained.content(), trained.contentType());
                    artifacts.seal(artifactId, job.jobId(), trained.content());
                    artifacts.link(config.id(), artifactId);
                    if (lineage != null) {
                        registry.register(
                                request.model() != null ? request.model() : registry.defaultModel(),
                                artifactId,
                                lineage);
                    }
                    alsoOnStore.run();
                }));
        return artifactId;
    }

    /**
     * Predicts and stores the level-1 prediction under {@code artifactId} (and a level-2 workspace below it).
     *
     * @param request the predict request
     * @param artifactId the pre-allocated prediction artifact id
     * @param job the running job
     * @return the prediction artifact id
     * @throws Exception when the training artifact or its config is unusable, or the runner fails
     */
    public String predict(PredictRequest request, String artifactId, JobContext job) throws Exception {
        return predict(request, artifactId, job, () -> {});
    }

    /**
     * Predicts and stores the level-1 prediction under {@code artifactId} (and a level-2 workspace below it);
     * {@code alsoOnStore} runs in the transaction that stores them.
     *
     * @param request the predict request
     * @param artifactId the pre-allocated prediction artifact id
     * @param job the running job
     * @param alsoOnStore more work for the storing transaction
     * @return the prediction artifact id
     * @throws Exception when the training artifact or its config is unusable, or the runner fails
     */
    public String predict(PredictRequest request, String artifactId, JobContext job, Runnable alsoOnStore)
            throws Exception {
        return predict(request, artifactId, job, List.of(), alsoOnStore);
    }

    /**
     * Predicts and stores the level-1 prediction under {@code artifactId} with {@code tags} (the registry route it
     * took), otherwise as {@link #predict(PredictRequest, String, JobContext, Runnable)}.
     *
     * @param request the predict request
     * @param artifactId the pre-allocated prediction artifact id
     * @param job the running job
     * @param tags the prediction artifact's tags
     * @param alsoOnStore more work for the storing transaction
     * @return the prediction artifact id
     * @throws Exception when the training artifact or its config is unusable, or the runner fails
     */
    public String predict(
            PredictRequest request, String artifactId, JobContext job, List<String> tags, Runnable alsoOnStore)
            throws Exception {
        String trainingId = request.artifactId();
        LoadedModel model = load(trainingId);
        job.throwIfCancelled();
        PredictionArtifacts predicted = observed(
                "predict",
                job,
                () -> predictWith(model, request.historic(), request.future(), request.geo(), context(job)));
        job.throwIfCancelled();
        store(
                artifactId,
                () -> transactions.executeWithoutResult(status -> {
                    artifacts.create(PredictionArtifactData.KIND, artifactId, trainingId, predicted.prediction(), tags);
                    artifacts.seal(artifactId, job.jobId(), null);
                    predicted.workspace().ifPresent(workspace -> {
                        String workspaceId = Ulids.newUlid();
                        artifacts.create(
                                WorkspaceArtifactData.PREDICTION_KIND,
                                workspaceId,
                                artifactId,
                                WorkspaceArtifactData.created(
                                        WorkspaceArtifactData.PREDICTION_KIND, workspace.metadata()),
                                List.of());
                        writeContent(workspaceId, workspace.content(), PredictionWorkspaceArtifact.CONTENT_TYPE);
                        artifacts.seal(workspaceId, job.jobId(), workspace.content());
                    });
                    alsoOnStore.run();
                }));
        return artifactId;
    }

    /**
     * Runs a rolling-origin backtest and stores its {@code ml_evaluation} artifact under {@code artifactId}, linked to
     * the config: for each split, the runner trains on the past and predicts the next periods through the same code as
     * {@code $train} and {@code $predict} (nothing of the splits is stored), and the forecasts are scored against the
     * truth. The job's progress advances split by split.
     *
     * @param request the backtest request
     * @param artifactId the pre-allocated artifact id
     * @param job the running job
     * @param alsoOnStore more work for the storing transaction
     * @return the artifact id
     * @throws Exception when the config is missing, the data too short, or the runner fails
     */
    public String backtest(BacktestRequest request, String artifactId, JobContext job, Runnable alsoOnStore)
            throws Exception {
        Config<? extends BaseConfig> config = configs.findTyped(requireUlid(request.configId(), "config_id"))
                .orElseThrow(() -> new IllegalArgumentException("Config " + request.configId() + " not found"));
        int horizon = request.horizon() == null ? config.data().predictionPeriods() : request.horizon();
        int splits = request.splits() == null ? 3 : request.splits();
        List<Backtest.Split> plan = Backtest.plan(request.data(), splits, horizon);
        Instant started = clock.instant();
        ForecastScores.Accumulator overall = new ForecastScores.Accumulator();
        List<EvaluationArtifactData.SplitResult> results = new ArrayList<>();
        RunContext quiet = new RunContext(
                new JobCancellation(job),
                Map.of(
                        JobContext.class,
                        new SplitJobContext(job),
                        ArtifactManager.class,
                        artifacts,
                        RunLog.class,
                        RunLog.NONE));
        for (Backtest.Split split : plan) {
            job.throwIfCancelled();
            TrainResult<Object> trained =
                    runner.train(new TrainInput<>(config.data(), split.train(), request.geo()), quiet);
            if (!trained.succeeded()) {
                throw new IllegalStateException("Training of split " + split.number() + " failed"
                        + (trained.process() == null
                                ? ""
                                : ": exit code " + trained.process().exitCode()));
            }
            LoadedModel model = new LoadedModel("backtest", config, trained.model(), 0);
            PredictionArtifacts predicted = predictWith(model, split.train(), split.future(), request.geo(), quiet);
            ForecastScores.Accumulator scores =
                    Backtest.score(predicted.prediction().content(), split.truth());
            overall.addAll(scores);
            ForecastScores splitScores = scores.scores();
            results.add(new EvaluationArtifactData.SplitResult(
                    split.number(),
                    split.trainUntil(),
                    split.periods(),
                    split.train().size(),
                    splitScores));
            job.reportProgress(
                    split.number() / (double) plan.size(),
                    "split " + split.number() + " of " + plan.size() + ": MAE " + round(splitScores.mae()) + ", CRPS "
                            + round(splitScores.crps()));
        }
        EvaluationArtifactData evaluation = new EvaluationArtifactData(
                EvaluationArtifactData.TYPE,
                config.id(),
                config.version(),
                runner.getClass().getName(),
                Backtest.TARGET,
                horizon,
                results,
                overall.scores(),
                UtcTimestamps.isoformat(started),
                UtcTimestamps.isoformat(clock.instant()));
        job.throwIfCancelled();
        transactions.executeWithoutResult(status -> {
            artifacts.create(EvaluationArtifactData.KIND, artifactId, null, evaluation, List.of());
            artifacts.link(config.id(), artifactId);
            alsoOnStore.run();
        });
        return artifactId;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /**
     * Loads a training artifact for prediction: checks it and its config as {@code $predict} does, verifies its seal
     * and decodes the model. The synchronous inference endpoints keep the result in their cache.
     *
     * @param trainingId the training artifact's ULID
     * @return the decoded model with its config
     * @throws Exception when the artifact or its config is unusable or the model cannot be decoded
     */
    public LoadedModel load(String trainingId) throws Exception {
        TrainingArtifactCheck.Result checked = trainingCheck.check(trainingId).orThrow();
        StoredArtifact training = checked.training().artifact();
        Config<? extends BaseConfig> config = checked.config();
        byte[] content = readContent(training);
        requireSealed(training.id(), content);
        return new LoadedModel(training.id(), config, runner.modelCodec().decode(content), content.length);
    }

    /**
     * Predicts with a loaded model: the one code path of {@code $predict} jobs and the synchronous endpoints.
     *
     * @param model the loaded model
     * @param historic the history
     * @param future the periods to predict
     * @param geo the optional GeoJSON
     * @param context cancellation and attributes
     * @return the prediction (and workspace) artifact data
     * @throws Exception when the runner fails
     */
    public PredictionArtifacts predictWith(
            LoadedModel model, DataFrame historic, DataFrame future, FeatureCollection geo, RunContext context)
            throws Exception {
        return runs.predictDecoded(
                runner,
                model.config().id(),
                model.config().data(),
                model.model(),
                historic,
                future,
                geo,
                info.requiredCovariates(),
                configs.type().schema(),
                context);
    }

    /**
     * Runs the framework checks of {@code $validate} in chapkit's order, then the runner's hook when they found no
     * error.
     *
     * @param request the request
     * @return the diagnostics and validity
     */
    public ValidateResponse validate(ValidateRequest request) {
        List<ValidationDiagnostic> diagnostics = switch (request) {
            case ValidateRequest.Train train -> validateTrain(train);
            case ValidateRequest.Predict predict -> validatePredict(predict);
        };
        return ValidateResponse.of(diagnostics);
    }

    private List<ValidationDiagnostic> validateTrain(ValidateRequest.Train request) {
        List<ValidationDiagnostic> diagnostics = new ArrayList<>();
        Optional<? extends Config<? extends BaseConfig>> config =
                Ulids.isValid(request.configId()) ? configs.findTyped(request.configId()) : Optional.empty();
        if (config.isEmpty()) {
            diagnostics.add(ValidationDiagnostic.error(
                    "config_not_found", "Config " + request.configId() + " not found", "config_id"));
            return diagnostics;
        }
        BaseConfig data = config.get().data();
        trainingCheck
                .periods(data)
                .map(TrainingArtifactCheck.Finding::diagnostic)
                .ifPresent(diagnostics::add);
        if (request.data().isEmpty()) {
            diagnostics.add(ValidationDiagnostic.error("data_empty", "Training data is empty", "data"));
        }
        if (hasError(diagnostics)) {
            return diagnostics;
        }
        diagnostics.addAll(runner.validateTrain(new TrainInput<>(data, request.data(), request.geo())));
        return diagnostics;
    }

    private List<ValidationDiagnostic> validatePredict(ValidateRequest.Predict request) {
        TrainingArtifactCheck.Result checked = trainingCheck.check(request.artifactId());
        List<ValidationDiagnostic> diagnostics = new ArrayList<>(checked.diagnostics());
        if (checked.config() == null) {
            return diagnostics;
        }
        BaseConfig configData = checked.config().data();
        StoredArtifact training = checked.training().artifact();
        if (WorkspaceArchive.CONTENT_TYPE.equals(checked.training().data().contentType())) {
            byte[] zip = training.hasContent() ? readContent(training) : new byte[0];
            new WorkspaceArchive(zip)
                    .corruption()
                    .ifPresent(problem -> diagnostics.add(
                            ValidationDiagnostic.error("training_workspace_corrupted", problem, "artifact_id")));
        }
        if (request.historic().isEmpty()) {
            diagnostics.add(ValidationDiagnostic.error("historic_empty", "Historic data is empty", "historic"));
        }
        if (request.future().isEmpty()) {
            diagnostics.add(ValidationDiagnostic.error("future_empty", "Future data is empty", "future"));
        }
        if (hasError(diagnostics)) {
            return diagnostics;
        }
        diagnostics.addAll(runner.validatePredict(
                new PredictValidationInput<>(configData, request.historic(), request.future(), request.geo())));
        return diagnostics;
    }

    private RunContext context(JobContext job) {
        return new RunContext(
                new JobCancellation(job),
                Map.of(
                        JobContext.class,
                        job,
                        RunLog.class,
                        job.runLog(),
                        ArtifactManager.class,
                        artifacts,
                        ObservationRegistry.class,
                        observations));
    }

    /** A runner call whose result is worth the wait, as a call that may throw anything the runner throws. */
    @FunctionalInterface
    private interface RunnerCall<T> {
        T call() throws Exception;
    }

    private <T> T observed(String operation, JobContext job, RunnerCall<T> call) throws Exception {
        Observation observation = Observation.createNotStarted(RUNNER_OBSERVATION, observations)
                .contextualName("runner " + operation)
                .lowCardinalityKeyValue("runner.operation", operation)
                .lowCardinalityKeyValue("runner.type", runner.getClass().getSimpleName())
                .highCardinalityKeyValue("job.id", job.jobId())
                .start();
        try (Observation.Scope scope = observation.openScope()) {
            return call.call();
        } catch (Exception | Error ex) {
            observation.error(ex);
            throw ex;
        } finally {
            observation.stop();
        }
    }

    private void store(String artifactId, Runnable storing) {
        Observation.createNotStarted(STORE_OBSERVATION, observations)
                .contextualName("artifact store")
                .highCardinalityKeyValue("artifact.id", artifactId)
                .observe(storing);
    }

    private void requirePeriodsInBounds(BaseConfig config) {
        trainingCheck.periods(config).ifPresent(problem -> {
            throw problem.failure().get();
        });
    }

    private static boolean hasError(List<ValidationDiagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(d -> d.severity() == ValidationDiagnostic.Severity.ERROR);
    }

    /**
     * Refuses a model that no train job of this service stored, or whose content changed since: the runner would
     * otherwise run whatever was put there (a shell runner extracts and executes the workspace's scripts).
     */
    private void requireSealed(String trainingId, byte[] model) {
        ArtifactSeal seal = artifacts
                .sealOf(trainingId)
                .orElseThrow(() -> new IllegalStateException("Training artifact " + trainingId
                        + " was not stored by a train job of this service; train the model with $train"));
        if (!seal.matches(model)) {
            throw new IllegalStateException("The content of training artifact " + trainingId
                    + " differs from what its train job " + seal.jobId() + " stored; refusing to run it");
        }
    }

    private static String requireUlid(String value, String field) {
        if (!Ulids.isValid(value)) {
            throw new IllegalArgumentException("Invalid " + field + ": " + value);
        }
        return value;
    }

    private void writeContent(String id, byte[] content, String contentType) {
        artifacts.writeContent(id, new ByteArrayInputStream(content), contentType, OptionalLong.empty());
    }

    private byte[] readContent(StoredArtifact artifact) {
        if (!artifact.hasContent()) {
            return new byte[0];
        }
        try (InputStream in = artifacts.openContent(artifact.content())) {
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the content of artifact " + artifact.id(), ex);
        }
    }
}
