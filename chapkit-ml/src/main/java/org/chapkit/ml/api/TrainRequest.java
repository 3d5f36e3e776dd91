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
 * @param model the registry model whose next version the trained artifact becomes; null for the service's own model
 *     (chapkit's clients send none)
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
        FeatureCollection geo,

        @Schema(
                description = "Registry model the trained artifact becomes the next version of (default: the"
                        + " service's model)",
                nullable = true,
                example = "forecaster-b")
        @JsonProperty("model")
        String model) {

    /**
     * A request for the service's own model, as chapkit's clients send it.
     *
     * @param configId the config ULID
     * @param data the training data
     * @param geo the optional GeoJSON
     */
    public TrainRequest(String configId, DataFrame data, FeatureCollection geo) {
        this(configId, data, geo, null);
    }
}
