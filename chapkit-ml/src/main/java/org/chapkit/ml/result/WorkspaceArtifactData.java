package org.chapkit.ml.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.chapkit.artifact.ArtifactKind;

/**
 * The {@code data} of the two workspace artifacts, {@code ml_training_workspace} (level 0, the encoded model or
 * zipped shell workspace) and {@code ml_prediction_workspace} (level 2, the zipped predict workspace). Both are
 * created with {@code type} and {@code metadata} only; storing the content adds {@code content_type} and
 * {@code content_size}, so those are left out while null.
 *
 * @param type {@value #TRAINING} or {@value #PREDICTION}
 * @param metadata the run's metadata
 * @param contentType the MIME type of the content, once stored
 * @param contentSize the content's length in bytes, once stored
 */
@JsonPropertyOrder({"type", "metadata", "content_type", "content_size"})
public record WorkspaceArtifactData(
        @JsonProperty("type") String type,
        @JsonProperty("metadata") MLMetadata metadata,

        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("content_type")
        String contentType,

        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("content_size")
        Long contentSize) {

    /** The {@code data.type} of training workspaces. */
    public static final String TRAINING = "ml_training_workspace";

    /** The {@code data.type} of prediction workspaces. */
    public static final String PREDICTION = "ml_prediction_workspace";

    /** The level-0 artifact a train job stores. */
    public static final ArtifactKind<WorkspaceArtifactData> TRAINING_KIND =
            new ArtifactKind<>(TRAINING, WorkspaceArtifactData.class);

    /** The level-2 artifact a predict job of a shell runner stores below its prediction. */
    public static final ArtifactKind<WorkspaceArtifactData> PREDICTION_KIND =
            new ArtifactKind<>(PREDICTION, WorkspaceArtifactData.class);

    /**
     * The data a workspace artifact is created with, before its content is stored.
     *
     * @param kind {@link #TRAINING_KIND} or {@link #PREDICTION_KIND}
     * @param metadata the run's metadata
     * @return the data
     */
    public static WorkspaceArtifactData created(ArtifactKind<WorkspaceArtifactData> kind, MLMetadata metadata) {
        return new WorkspaceArtifactData(kind.type(), metadata, null, null);
    }
}
