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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainRequest(@JsonProperty("config_id") String configId, DataFrame data, FeatureCollection geo) {

    /** Requires the config id and data. */
    public TrainRequest {
        Objects.requireNonNull(configId, "configId");
        Objects.requireNonNull(data, "data");
    }
}
