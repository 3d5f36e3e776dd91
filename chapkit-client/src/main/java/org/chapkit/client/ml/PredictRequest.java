package org.chapkit.client.ml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.chapkit.client.data.DataFrame;
import org.chapkit.client.geo.FeatureCollection;

/**
 * The body of {@code POST /api/v1/ml/$predict}.
 *
 * @param artifactId id of the trained-model artifact
 * @param historic observed data up to the forecast start (may have no rows, but is required)
 * @param future the periods to predict, with {@code disease_cases} {@code null}
 * @param geo optional locations, omitted when {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PredictRequest(
        @JsonProperty("artifact_id") String artifactId, DataFrame historic, DataFrame future, FeatureCollection geo) {

    /** Requires every member but {@code geo}. */
    public PredictRequest {
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(historic, "historic");
        Objects.requireNonNull(future, "future");
    }
}
