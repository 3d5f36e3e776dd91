package org.chapkit.ml.service;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
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
import org.chapkit.id.Ulids;
import org.chapkit.info.ServiceInfo;
import org.chapkit.job.JobContext;
import org.chapkit.job.JobType;
import org.chapkit.ml.api.PredictRequest;
import org.chapkit.ml.api.TrainRequest;
import org.chapkit.ml.api.ValidateRequest;
import org.chapkit.ml.api.ValidateResponse;
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
import org.chapkit.ml.runner.ValidationDiagnostic;
import org.chapkit.ml.shell.WorkspaceArchive;
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

    /** Job type of prediction jobs: the payload names the training artifact; the request is the job's stored input. */
    public static final JobType<MlJobPayload> PREDICT_JOB = JobType.of("ml.predict", MlJobPayload.class);

    private final ModelRunner<Object, Object> runner;
    private final ConfigManager<?> configs;
    private final ArtifactManager artifacts;
    private final ServiceInfo info;
    private final TransactionOperations transactions;
    private final ModelRuns runs;
    private final TrainingArtifactCheck trainingCheck;
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
        this(runner, configs, artifacts, info, transactions, clock, ObservationRegistry.NOOP);
    }

    /**
     * Creates the workflow that reports each runner call ({@value #RUNNER_OBSERVATION}), each artifact store
     * ({@value #STORE_OBSERVATION}) and, through the run context, each shell command as an observation.
     *
     * @param runner the service's model runner; its config type must accept the service's config record
     * @param configs the configs
     * @param artifacts the artifacts
     * @param info the service info ({@code min/max_prediction_periods}, {@code required_covariates})
     * @param transactions runs each artifact store in one transaction
     * @param clock the clock of {@code started_at} / {@code completed_at}
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
            ObservationRegistry observations) {
        this.observations = Objects.requireNonNull(observations, "observations");
        this.runner = (ModelRunner<Object, Object>) Objects.requireNonNull(runner, "runner");
        this.configs = Objects.requireNonNull(configs, "configs");
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.info = Objects.requireNonNull(info, "info");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.runs = new ModelRuns(clock);
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
        TrainingArtifact trained = observed(
                "train",
                job,
                () -> runs.train(
                        runner,
                        config.id(),
                        new TrainInput<>(config.data(), request.data(), request.geo()),
                        context(job)));
        job.throwIfCancelled();
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
        TrainingArtifactCheck.Result checked =
                trainingCheck.check(request.artifactId()).orThrow();
        StoredArtifact training = checked.training().artifact();
        String trainingId = training.id();
        Config<? extends BaseConfig> config = checked.config();
        byte[] model = readContent(training);
        requireSealed(trainingId, model);
        job.throwIfCancelled();
        PredictionArtifacts predicted = observed(
                "predict",
                job,
                () -> runs.predict(
                        runner,
                        config.id(),
                        config.data(),
                        model,
                        request.historic(),
                        request.future(),
                        request.geo(),
                        info.requiredCovariates(),
                        configs.type().schema(),
                        context(job)));
        job.throwIfCancelled();
        store(
                artifactId,
                () -> transactions.executeWithoutResult(status -> {
                    artifacts.create(
                            PredictionArtifactData.KIND, artifactId, trainingId, predicted.prediction(), List.of());
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
