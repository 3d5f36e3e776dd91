package org.chapkit.ml.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.geo.FeatureCollection;

/**
 * Body of {@code POST /api/v1/ml/$predict}; {@code historic} and {@code future} are both required (an empty
 * {@code data} is allowed).
 *
 * @param artifactId the training artifact ULID
 * @param historic the history
 * @param future the periods to predict
 * @param geo the optional GeoJSON
 */
public record PredictRequest(
        @JsonProperty(value = "artifact_id", required = true)
        String artifactId,

        @JsonProperty(value = "historic", required = true) DataFrame historic,
        @JsonProperty(value = "future", required = true) DataFrame future,

        @Schema(
                description = "GeoJSON FeatureCollection",
                type = "object",
                implementation = Object.class,
                nullable = true)
        @JsonProperty("geo")
        FeatureCollection geo) {}
