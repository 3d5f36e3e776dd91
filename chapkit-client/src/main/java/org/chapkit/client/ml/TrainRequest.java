package org.chapkit.client.ml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.chapkit.client.data.DataFrame;
import org.chapkit.client.geo.FeatureCollection;

/**
 * The body of {@code POST /api/v1/ml/$train}.
 *
 * @param configId id of the config to train with
 * @param data the training data
 * @param geo optional locations, omitted when {@code null}
 * @param model the registry model the trained artifact becomes the next version of; omitted when {@code null} (the
 *     service's own model)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainRequest(
        @JsonProperty("config_id") String configId, DataFrame data, FeatureCollection geo, String model) {

    /** Requires the config id and data. */
    public TrainRequest {
        Objects.requireNonNull(configId, "configId");
        Objects.requireNonNull(data, "data");
    }

    /**
     * A request for the service's own model.
     *
     * @param configId id of the config to train with
     * @param data the training data
     * @param geo optional locations, omitted when {@code null}
     */
    public TrainRequest(String configId, DataFrame data, FeatureCollection geo) {
        this(configId, data, geo, null);
    }

    /**
     * The same request, registering the trained artifact as the next version of {@code model}.
     *
     * @param model the registry model's name
     * @return the new request
     */
    public TrainRequest forModel(String model) {
        return new TrainRequest(configId, data, geo, Objects.requireNonNull(model, "model"));
    }
}
