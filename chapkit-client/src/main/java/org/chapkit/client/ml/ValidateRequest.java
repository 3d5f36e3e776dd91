package org.chapkit.client.ml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.chapkit.client.data.DataFrame;
import org.chapkit.client.geo.FeatureCollection;

/**
 * The body of {@code POST /api/v1/ml/$validate}, discriminated on {@code type}: {@link Train} or
 * {@link Predict}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ValidateRequest.Train.class, name = "train"),
    @JsonSubTypes.Type(value = ValidateRequest.Predict.class, name = "predict")
})
public sealed interface ValidateRequest {

    /**
     * A dry run of a train request.
     *
     * @param request the train request to check
     * @return the validate request
     */
    static ValidateRequest of(TrainRequest request) {
        return new Train(request.configId(), request.data(), request.geo());
    }

    /**
     * A dry run of a predict request.
     *
     * @param request the predict request to check
     * @return the validate request
     */
    static ValidateRequest of(PredictRequest request) {
        return new Predict(request.artifactId(), request.historic(), request.future(), request.geo());
    }

    /**
     * {@code {"type":"train", ...}}: checks a train request without running it.
     *
     * @param configId id of the config
     * @param data the training data
     * @param geo optional locations
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Train(@JsonProperty("config_id") String configId, DataFrame data, FeatureCollection geo)
            implements ValidateRequest {}

    /**
     * {@code {"type":"predict", ...}}: checks a predict request without running it.
     *
     * @param artifactId id of the trained-model artifact
     * @param historic observed data
     * @param future the periods to predict
     * @param geo optional locations
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Predict(
            @JsonProperty("artifact_id") String artifactId, DataFrame historic, DataFrame future, FeatureCollection geo)
            implements ValidateRequest {}
}
