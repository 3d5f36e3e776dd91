package org.chapkit.ml.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.chapkit.id.Ulids;
import org.chapkit.job.Job;
import org.chapkit.job.JobInputs;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobType;
import org.chapkit.ml.api.JobSubmitted;
import org.chapkit.ml.api.PredictRequest;
import org.chapkit.ml.api.TrainRequest;
import org.chapkit.ml.api.ValidateRequest;
import org.chapkit.ml.api.ValidateResponse;
import org.chapkit.ml.evaluation.BacktestRequest;
import org.chapkit.ml.registry.ModelRegistry;
import org.chapkit.ml.registry.ModelVersion;
import org.chapkit.ml.registry.RoutedVersion;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ValidationFailedException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The Java API of the ML service: submits train and predict jobs (the artifact id is allocated here, before the
 * job runs, and returned at once; the request is stored once as the job's input, the payload holds only ids) and
 * validates requests. Each submission increments {@code ml.train.jobs} or
 * {@code ml.predict.jobs} (Prometheus: {@code ml_train_jobs_total}, {@code ml_predict_jobs_total}).
 */
public final class MlManager {

    private final JobManager jobs;
    private final MlWorkflow workflow;
    private final JobInputs inputs;
    private final TransactionOperations transactions;
    private final Counter trainJobs;
    private final Counter predictJobs;
    private final MeterRegistry meters;

    /**
     * Creates the manager.
     *
     * @param jobs the job system
     * @param workflow the workflow the jobs run
     * @param inputs where each job's request is stored, once, beside the job
     * @param transactions submits a job and stores its input in one transaction
     * @param meters where the submission counters go
     */
    public MlManager(
            JobManager jobs,
            MlWorkflow workflow,
            JobInputs inputs,
            TransactionOperations transactions,
            MeterRegistry meters) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.workflow = Objects.requireNonNull(workflow, "workflow");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.trainJobs = Counter.builder("ml.train.jobs")
                .description("Training jobs submitted")
                .register(meters);
        this.predictJobs = Counter.builder("ml.predict.jobs")
                .description("Prediction jobs submitted")
                .register(meters);
    }

    /**
     * Submits a training job. Only the request's shape is checked here; a missing config or out-of-bounds
     * {@code prediction_periods} fails the job, as in chapkit.
     *
     * @param request the request
     * @return job id, pre-allocated artifact id and message
     * @throws ValidationFailedException when {@code config_id} is not a ULID, {@code data} is missing, ragged or
     *     without {@code time_period}, or {@code model} is given but not a model name or the service has no registry
     */
    public JobSubmitted train(TrainRequest request) {
        requireUlid(request.configId(), "config_id");
        if (request.model() != null) {
            if (workflow.registry().isEmpty()) {
                throw ValidationFailedException.invalid(
                        new FieldError("model", "this service has no model registry (chapkit.ml.models.enabled)"));
            }
            ModelRegistry.requireModelName(request.model());
        }
        new FrameChecks().frame("data", request.data(), true).orFail();
        String artifactId = Ulids.newUlid();
        Job job = submit(MlWorkflow.TRAIN_JOB, MlJobPayload.train(request.configId()), request, artifactId);
        trainJobs.increment();
        return JobSubmitted.training(job.id(), artifactId);
    }

    /**
     * Submits a backtest job; a missing config or too few periods fail the job.
     *
     * @param request the request
     * @return job id, pre-allocated evaluation artifact id and message
     * @throws ValidationFailedException when {@code config_id} is not a ULID, {@code data} is missing, ragged or
     *     without {@code time_period}, or {@code splits} / {@code horizon} are below 1
     */
    public JobSubmitted backtest(BacktestRequest request) {
        requireUlid(request.configId(), "config_id");
        new FrameChecks().frame("data", request.data(), true).orFail();
        if (request.splits() != null && request.splits() < 1) {
            throw ValidationFailedException.invalid(new FieldError("splits", "must be at least 1"));
        }
        if (request.horizon() != null && request.horizon() < 1) {
            throw ValidationFailedException.invalid(new FieldError("horizon", "must be at least 1"));
        }
        String artifactId = Ulids.newUlid();
        Job job = submit(MlWorkflow.BACKTEST_JOB, MlJobPayload.train(request.configId()), request, artifactId);
        return JobSubmitted.backtest(job.id(), artifactId);
    }

    /**
     * Submits a prediction job; problems with the training artifact fail the job.
     *
     * @param request the request
     * @return job id, pre-allocated prediction artifact id and message
     * @throws ValidationFailedException when {@code artifact_id} is not a ULID or a frame is missing, ragged or
     *     without {@code time_period}
     */
    public JobSubmitted predict(PredictRequest request) {
        if (request.selects()) {
            return predictRouted(request);
        }
        requireUlid(request.artifactId(), "artifact_id");
        new FrameChecks()
                .frame("historic", request.historic(), true)
                .frame("future", request.future(), true)
                .orFail();
        String artifactId = Ulids.newUlid();
        Job job = submit(MlWorkflow.PREDICT_JOB, MlJobPayload.predict(request.artifactId()), request, artifactId);
        predictJobs.increment();
        return JobSubmitted.prediction(job.id(), artifactId);
    }

    /**
     * Validates a train or predict request without running it.
     *
     * @param request the request
     * @return the diagnostics
     */
    public ValidateResponse validate(ValidateRequest request) {
        switch (request) {
            case ValidateRequest.Train train ->
                new FrameChecks().frame("data", train.data(), true).orFail();
            case ValidateRequest.Predict predict ->
                new FrameChecks()
                        .frame("historic", predict.historic(), true)
                        .frame("future", predict.future(), true)
                        .orFail();
        }
        return workflow.validate(request);
    }

    /**
     * A prediction through the registry: the version that {@code model} with {@code version} or {@code alias} (or the
     * model's A/B routing, deterministic per {@code routing_key}) selects, and the routing's shadow version beside
     * it, both submitted in one transaction. The prediction artifacts are tagged with their route
     * ({@code model-version-<n>}, {@code route-<alias>}; the shadow also {@code shadow} and
     * {@code shadow-of-<answered prediction id>}); {@code ml.predict.routed} counts them per model, version, alias
     * and role.
     */
    private JobSubmitted predictRouted(PredictRequest request) {
        if (request.artifactId() != null) {
            throw ValidationFailedException.invalid(
                    new FieldError("artifact_id", "give either artifact_id or model/version/alias, not both"));
        }
        ModelRegistry registry = workflow.registry()
                .orElseThrow(() -> ValidationFailedException.invalid(
                        new FieldError("model", "this service has no model registry (chapkit.ml.models.enabled)")));
        new FrameChecks()
                .frame("historic", request.historic(), true)
                .frame("future", request.future(), true)
                .orFail();
        RoutedVersion routed = registry.route(request.selector(), request.routingKey());
        String artifactId = Ulids.newUlid();
        Job job = transactions.execute(status -> {
            Job primary = submitRouted(request, routed.version(), routed.alias(), artifactId, List.of());
            routed.shadow()
                    .ifPresent(shadow -> submitRouted(
                            request,
                            shadow,
                            routed.shadowAlias(),
                            Ulids.newUlid(),
                            List.of("shadow", "shadow-of-" + artifactId)));
            return primary;
        });
        predictJobs.increment();
        return JobSubmitted.prediction(job.id(), artifactId);
    }

    private Job submitRouted(
            PredictRequest request, ModelVersion version, String alias, String artifactId, List<String> extraTags) {
        List<String> tags = new ArrayList<>();
        tags.add("model-version-" + version.version());
        if (alias != null) {
            tags.add("route-" + alias.replaceAll("[^A-Za-z0-9_-]", "_"));
        }
        tags.addAll(extraTags);
        Job job = submit(
                MlWorkflow.PREDICT_JOB,
                MlJobPayload.predict(version.artifactId(), tags),
                request.withArtifactId(version.artifactId()),
                artifactId);
        Counter.builder("ml.predict.routed")
                .description("Prediction jobs submitted through the model registry, per version")
                .tag("model", version.model())
                .tag("version", Integer.toString(version.version()))
                .tag("alias", alias == null ? "" : alias)
                .tag("role", extraTags.isEmpty() ? "answer" : "shadow")
                .register(meters)
                .increment();
        return job;
    }

    /** The job with its ids as payload and the request as its stored input, committed together. */
    private Job submit(JobType<MlJobPayload> type, MlJobPayload payload, Object request, String artifactId) {
        JobInputs.Encoded input = inputs.encode(request);
        return transactions.execute(status -> {
            Job job = jobs.submit(type, payload, artifactId);
            inputs.store(job.id(), input);
            return job;
        });
    }

    private static void requireUlid(String value, String field) {
        if (value == null || !Ulids.isValid(value)) {
            throw ValidationFailedException.invalid(new FieldError(field, "must be a ULID, got '" + value + "'"));
        }
    }
}
