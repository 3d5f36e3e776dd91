package org.chapkit.ml.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.artifact.StoredArtifact;
import org.chapkit.artifact.TypedArtifact;
import org.chapkit.artifact.WrongArtifactKindException;
import org.chapkit.config.BaseConfig;
import org.chapkit.config.Config;
import org.chapkit.config.ConfigManager;
import org.chapkit.id.Ulids;
import org.chapkit.info.ServiceInfo;
import org.chapkit.ml.result.MLMetadata;
import org.chapkit.ml.result.WorkspaceArtifactData;
import org.chapkit.ml.runner.ValidationDiagnostic;

/**
 * The one check of a training artifact before it is predicted with: it exists and is an {@code
 * ml_training_workspace}, its training did not fail, its metadata names a config that exists, and that config's
 * {@code prediction_periods} is within the service's bounds. {@code $validate} reports every diagnostic; a predict
 * job throws the first error ({@link Result#orThrow()}) with the job error chapkit gives for it, so both paths judge
 * an artifact the same way.
 */
public final class TrainingArtifactCheck {

    private final ArtifactManager artifacts;
    private final ConfigManager<?> configs;
    private final ServiceInfo info;

    /**
     * Creates the check.
     *
     * @param artifacts where training artifacts are
     * @param configs where their configs are
     * @param info the service's {@code min/max_prediction_periods}
     */
    public TrainingArtifactCheck(ArtifactManager artifacts, ConfigManager<?> configs, ServiceInfo info) {
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.configs = Objects.requireNonNull(configs, "configs");
        this.info = Objects.requireNonNull(info, "info");
    }

    /**
     * Checks the training artifact {@code id}. Problems with the artifact or its config end the check (nothing after
     * them can be judged); an out-of-bounds {@code prediction_periods} is reported with the artifact and config.
     *
     * @param id the training artifact's id as the request gave it
     * @return the findings, and the artifact and config when they could be read
     */
    public Result check(String id) {
        if (!Ulids.isValid(id)) {
            return Result.stop(error(
                    "training_artifact_not_found",
                    "Training artifact " + id + " not found",
                    () -> new IllegalArgumentException("Invalid artifact_id: " + id)));
        }
        Optional<StoredArtifact> stored = artifacts.find(id);
        if (stored.isEmpty()) {
            String message = "Training artifact " + id + " not found";
            return Result.stop(
                    error("training_artifact_not_found", message, () -> new IllegalArgumentException(message)));
        }
        TypedArtifact<WorkspaceArtifactData> training;
        try {
            training = artifacts.as(WorkspaceArtifactData.TRAINING_KIND, stored.get());
        } catch (WrongArtifactKindException ex) {
            String message = "Artifact " + id + " is not a training artifact";
            return Result.stop(
                    error("invalid_training_artifact", message, () -> new IllegalArgumentException(message, ex)));
        }
        MLMetadata metadata = training.data().metadata();
        if (metadata != null && metadata.failed()) {
            String code = metadata.exitCode() == null
                    ? "unknown"
                    : metadata.exitCode().toString();
            return Result.stop(error(
                    "training_artifact_failed",
                    "Training artifact " + id + " failed training (exit_code=" + code + "); cannot predict with it",
                    () -> new IllegalStateException("Cannot predict using failed training artifact " + id
                            + ". Training script exited with code " + code + ".")));
        }
        String configId = metadata == null || metadata.configId() == null ? "" : metadata.configId();
        Supplier<RuntimeException> noConfigId = () ->
                new IllegalArgumentException("Training artifact " + id + " has no valid config_id in its metadata");
        if (configId.isEmpty()) {
            return Result.stop(error(
                    "invalid_training_artifact",
                    "Training artifact " + id + " is missing config_id in metadata",
                    noConfigId));
        }
        if (!Ulids.isValid(configId)) {
            return Result.stop(error(
                    "invalid_training_artifact",
                    "Training artifact " + id + " has a malformed config_id in metadata: '" + configId + "'",
                    noConfigId));
        }
        Optional<? extends Config<? extends BaseConfig>> config = configs.findTyped(configId);
        if (config.isEmpty()) {
            return Result.stop(error(
                    "config_not_found",
                    "Config " + configId + " referenced by training artifact not found",
                    () -> new IllegalArgumentException("Config " + configId + " not found")));
        }
        List<Finding> findings = new ArrayList<>();
        periods(config.get().data()).ifPresent(findings::add);
        return new Result(findings, training, config.get());
    }

    /**
     * The bounds check of a config's {@code prediction_periods} ({@code prediction_periods_out_of_bounds}), which
     * {@code $train} and {@code $validate} of a train request make too.
     *
     * @param config the config's data
     * @return the finding, if out of bounds
     */
    public Optional<Finding> periods(BaseConfig config) {
        int periods = config.predictionPeriods();
        String message = null;
        if (periods < info.minPredictionPeriods()) {
            message = "prediction_periods (" + periods + ") is below the minimum allowed value ("
                    + info.minPredictionPeriods() + ")";
        } else if (periods > info.maxPredictionPeriods()) {
            message = "prediction_periods (" + periods + ") exceeds the maximum allowed value ("
                    + info.maxPredictionPeriods() + ")";
        }
        if (message == null) {
            return Optional.empty();
        }
        String text = message;
        return Optional.of(new Finding(
                ValidationDiagnostic.error("prediction_periods_out_of_bounds", text, "config.prediction_periods"),
                () -> new IllegalArgumentException(text)));
    }

    private static Finding error(String code, String message, Supplier<RuntimeException> failure) {
        return new Finding(ValidationDiagnostic.error(code, message, "artifact_id"), failure);
    }

    /**
     * One problem found: the {@code $validate} diagnostic, and the exception a job fails with for it (chapkit's job
     * errors word some problems differently from its diagnostics).
     *
     * @param diagnostic what {@code $validate} reports
     * @param failure builds what a job throws
     */
    public record Finding(ValidationDiagnostic diagnostic, Supplier<RuntimeException> failure) {

        /** Checks the components. */
        public Finding {
            Objects.requireNonNull(diagnostic, "diagnostic");
            Objects.requireNonNull(failure, "failure");
        }

        /**
         * Whether this finding stops a run.
         *
         * @return true for an error
         */
        public boolean isError() {
            return diagnostic.severity() == ValidationDiagnostic.Severity.ERROR;
        }
    }

    /**
     * What the check found.
     *
     * @param findings the problems, in the order found
     * @param training the training artifact, or null when it could not be read as one
     * @param config its config, or null when it could not be found
     */
    public record Result(
            List<Finding> findings,
            TypedArtifact<WorkspaceArtifactData> training,
            Config<? extends BaseConfig> config) {

        /** Copies the findings. */
        public Result {
            findings = List.copyOf(findings);
        }

        static Result stop(Finding finding) {
            return new Result(List.of(finding), null, null);
        }

        /**
         * The findings as {@code $validate} diagnostics.
         *
         * @return every diagnostic, in order
         */
        public List<ValidationDiagnostic> diagnostics() {
            return findings.stream().map(Finding::diagnostic).toList();
        }

        /**
         * For a run: throws the first error's exception, or returns this result with artifact and config.
         *
         * @return this result, when it has no error
         * @throws RuntimeException the first error's job failure
         */
        public Result orThrow() {
            for (Finding finding : findings) {
                if (finding.isError()) {
                    throw finding.failure().get();
                }
            }
            return this;
        }
    }
}
