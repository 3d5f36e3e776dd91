package org.chapkit.ml.result;

import java.util.Objects;
import java.util.Optional;

/**
 * What one prediction run stores: the level-1 prediction and, for runners with a workspace, the level-2
 * prediction workspace.
 *
 * @param prediction the {@code ml_prediction} data
 * @param workspace the {@code ml_prediction_workspace}, if the runner produced one
 */
public record PredictionArtifacts(PredictionArtifactData prediction, Optional<PredictionWorkspaceArtifact> workspace) {

    /** Checks the components. */
    public PredictionArtifacts {
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(workspace, "workspace");
    }
}
