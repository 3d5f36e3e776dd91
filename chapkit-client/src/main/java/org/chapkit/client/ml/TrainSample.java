package org.chapkit.client.ml;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chapkit.client.data.DataFrame;
import org.chapkit.client.geo.FeatureCollection;

/**
 * Generated training data ({@code $generate-sample-data?kind=train}).
 *
 * @param data the training data, with schema
 * @param configId the config id given in the query, or {@code null}
 * @param geo locations, or {@code null} when not requested
 */
public record TrainSample(
        DataFrame data, @JsonProperty("config_id") String configId, FeatureCollection geo) {

    /**
     * A train request for this sample.
     *
     * @param configId the config to train with
     * @return the request
     */
    public TrainRequest toRequest(String configId) {
        return new TrainRequest(configId, data, geo);
    }
}
