package org.chapkit.ml.result;

import java.util.Objects;

/**
 * The level-2 {@code ml_prediction_workspace} artifact (shell runner only): the zipped predict workspace and the
 * command's metadata. Stored with a new id, parented by the prediction artifact.
 *
 * @param content the zip bytes
 * @param metadata status from the exit code, with {@code exit_code}, {@code stdout} and {@code stderr}
 */
public record PredictionWorkspaceArtifact(byte[] content, MLMetadata metadata) {

    /** The artifact {@code data.type}. */
    public static final String TYPE = WorkspaceArtifactData.PREDICTION;

    /** The content type. */
    public static final String CONTENT_TYPE = "application/zip";

    /** Checks the components. */
    public PredictionWorkspaceArtifact {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(metadata, "metadata");
    }

    /**
     * The {@code content_size}.
     *
     * @return the length of the zip
     */
    public long contentSize() {
        return content.length;
    }
}
