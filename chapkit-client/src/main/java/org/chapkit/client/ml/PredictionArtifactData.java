package org.chapkit.client.ml;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chapkit.client.data.DataFrame;

/**
 * The {@code data} of a prediction artifact ({@code type = ml_prediction}); read it with
 * {@code artifacts().get(id, PredictionArtifactData.class)}.
 *
 * @param type always {@code ml_prediction}
 * @param metadata how the prediction was made
 * @param content the predictions, with {@code sample_0..n} columns
 * @param contentType {@code application/vnd.chapkit.dataframe+json}
 * @param contentSize size in bytes, usually {@code null}
 */
public record PredictionArtifactData(
        String type,
        MlMetadata metadata,
        DataFrame content,
        @JsonProperty("content_type") String contentType,
        @JsonProperty("content_size") Long contentSize) {

    /** The {@code type} of prediction artifacts. */
    public static final String TYPE = "ml_prediction";

    /** The {@code content_type} of DataFrame content. */
    public static final String DATAFRAME_CONTENT_TYPE = "application/vnd.chapkit.dataframe+json";
}
