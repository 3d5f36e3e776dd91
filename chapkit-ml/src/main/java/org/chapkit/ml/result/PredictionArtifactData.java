package org.chapkit.ml.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.chapkit.artifact.ArtifactKind;
import org.chapkit.ml.data.DataFrame;

/**
 * The exact {@code data} of a level-1 {@code ml_prediction} artifact. chap-core validates it with
 * {@code extra="forbid"}, so it has exactly these five keys.
 *
 * @param type always {@code ml_prediction}
 * @param metadata the run's metadata; {@code status} is always {@code success}, no exit code or output
 * @param content the predictions, with a schema
 * @param contentType always {@code application/vnd.chapkit.dataframe+json}
 * @param contentSize always {@code null}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"type", "metadata", "content", "content_type", "content_size"})
public record PredictionArtifactData(
        @JsonProperty("type") String type,
        @JsonProperty("metadata") MLMetadata metadata,
        @JsonProperty("content") DataFrame content,
        @JsonProperty("content_type") String contentType,
        @JsonProperty("content_size") Long contentSize) {

    /** The artifact {@code data.type}. */
    public static final String TYPE = "ml_prediction";

    /** The level-1 artifact a predict job stores below the training workspace. */
    public static final ArtifactKind<PredictionArtifactData> KIND =
            new ArtifactKind<>(TYPE, PredictionArtifactData.class);

    /** The content type of prediction DataFrames. */
    public static final String CONTENT_TYPE = "application/vnd.chapkit.dataframe+json";

    /** Checks the components. */
    public PredictionArtifactData {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(content, "content");
    }

    /**
     * The data for a prediction.
     *
     * @param metadata the metadata
     * @param predictions the predictions
     * @return the data
     */
    public static PredictionArtifactData of(MLMetadata metadata, DataFrame predictions) {
        return new PredictionArtifactData(TYPE, metadata, predictions, CONTENT_TYPE, null);
    }
}
