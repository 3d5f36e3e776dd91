package org.chapkit.ml.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.swagger.v3.oas.annotations.media.Schema;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.geo.FeatureCollection;

/**
 * Body of {@code POST /api/v1/ml/$validate}: a union discriminated on the required {@code type} field
 * ({@code train} or {@code predict}); a missing or unknown type fails to bind (422).
 */
@JsonTypeInfo(
        use = JsonTypeInfo.Id.NAME,
        include = JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "type",
        visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(value = ValidateRequest.Train.class, name = "train"),
    @JsonSubTypes.Type(value = ValidateRequest.Predict.class, name = "predict")
})
public sealed interface ValidateRequest {

    /**
     * The discriminator.
     *
     * @return {@code train} or {@code predict}
     */
    String type();

    /**
     * Validates a train request.
     *
     * @param type always {@code train}
     * @param configId the config ULID
     * @param data the training data
     * @param geo the optional GeoJSON
     */
    record Train(
            @JsonProperty("type") String type,

            @JsonProperty(value = "config_id", required = true)
            String configId,

            @JsonProperty(value = "data", required = true) DataFrame data,

            @Schema(
                    description = "GeoJSON FeatureCollection",
                    type = "object",
                    implementation = Object.class,
                    nullable = true)
            @JsonProperty("geo")
            FeatureCollection geo)
            implements ValidateRequest {}

    /**
     * Validates a predict request.
     *
     * @param type always {@code predict}
     * @param artifactId the training artifact ULID
     * @param historic the history
     * @param future the periods to predict
     * @param geo the optional GeoJSON
     */
    record Predict(
            @JsonProperty("type") String type,

            @JsonProperty(value = "artifact_id", required = true)
            String artifactId,

            @JsonProperty(value = "historic", required = true)
            DataFrame historic,

            @JsonProperty(value = "future", required = true) DataFrame future,

            @Schema(
                    description = "GeoJSON FeatureCollection",
                    type = "object",
                    implementation = Object.class,
                    nullable = true)
            @JsonProperty("geo")
            FeatureCollection geo)
            implements ValidateRequest {}
}
