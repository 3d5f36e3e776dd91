package org.chapkit.ml.runner;

import java.util.Objects;

/**
 * The outcome of a train call.
 *
 * @param model the trained model (for the shell runner, the zipped workspace)
 * @param process how the training command ended, or {@code null} for in-process runners
 * @param <M> the model type
 */
public record TrainResult<M>(M model, ProcessOutcome process) {

    /** Checks the model is present. */
    public TrainResult {
        Objects.requireNonNull(model, "model");
    }

    /**
     * An in-process training result.
     *
     * @param model the model
     * @param <M> the model type
     * @return the result
     */
    public static <M> TrainResult<M> of(M model) {
        return new TrainResult<>(model, null);
    }

    /**
     * Whether training succeeded: always for in-process runners, exit code 0 for commands. A failed training is
     * still stored (with {@code metadata.status="failed"}); it is not an exception.
     *
     * @return {@code true} on success
     */
    public boolean succeeded() {
        return process == null || process.succeeded();
    }
}
