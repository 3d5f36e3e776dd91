package org.chapkit.ml.runner;

import java.util.Objects;
import org.chapkit.ml.data.DataFrame;

/**
 * The outcome of a predict call.
 *
 * @param predictions the predictions (conventionally with {@code sample_0 … sample_n} columns)
 * @param workspaceZip the zipped prediction workspace, or {@code null} when the runner has none
 * @param process how the prediction command ended, or {@code null} for in-process runners
 */
public record PredictResult(DataFrame predictions, byte[] workspaceZip, ProcessOutcome process) {

    /** Checks the predictions are present. */
    public PredictResult {
        Objects.requireNonNull(predictions, "predictions");
    }

    /**
     * An in-process prediction result without workspace.
     *
     * @param predictions the predictions
     * @return the result
     */
    public static PredictResult of(DataFrame predictions) {
        return new PredictResult(predictions, null, null);
    }
}
