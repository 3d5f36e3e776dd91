package org.chapkit.ml.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.geo.FeatureCollection;

/**
 * Body of {@code POST /api/v1/ml/$train}. Unknown keys (chap-core's {@code run_info}) are ignored.
 *
 * @param configId the config ULID
 * @param data the training data
 * @param geo the optional GeoJSON
 */
public record TrainRequest(
        @JsonProperty(value = "config_id", required = true) String configId,
        @JsonProperty(value = "data", required = true) DataFrame data,

        @Schema(
                description = "GeoJSON FeatureCollection",
                type = "object",
                implementation = Object.class,
                nullable = true)
        @JsonProperty("geo")
        FeatureCollection geo) {}
