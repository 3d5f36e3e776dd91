package org.chapkit.ml.result;

import java.util.Objects;

/**
 * The level-0 {@code ml_training_workspace} artifact of a training run: the encoded model (or zipped shell
 * workspace), its content type and the run's metadata. Stored with the pre-allocated id, no parent, and linked to
 * the config.
 *
 * @param content the model bytes ({@code content_size} is their length)
 * @param contentType {@code application/zip} for shell workspaces, the model codec's type otherwise
 * @param metadata the run's metadata ({@code status} is {@code failed} for a non-zero training exit)
 * @param modelClass the class name of the trained model object, for the registry's lineage ({@code null} when the
 *     runner returned none)
 */
public record TrainingArtifact(byte[] content, String contentType, MLMetadata metadata, String modelClass) {

    /** The artifact {@code data.type}. */
    public static final String TYPE = WorkspaceArtifactData.TRAINING;

    /** Checks the components. */
    public TrainingArtifact {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(metadata, "metadata");
    }

    /**
     * An artifact whose model class is unknown.
     *
     * @param content the model bytes
     * @param contentType the content type
     * @param metadata the run's metadata
     */
    public TrainingArtifact(byte[] content, String contentType, MLMetadata metadata) {
        this(content, contentType, metadata, null);
    }

    /**
     * The {@code content_size}.
     *
     * @return the length of the content
     */
    public long contentSize() {
        return content.length;
    }
}
