package org.chapkit.client.ml;

import org.chapkit.client.data.DataFrame;
import org.chapkit.client.geo.FeatureCollection;

/**
 * Generated prediction input ({@code $generate-sample-data?kind=predict}).
 *
 * @param historic observed data, with schema
 * @param future periods to predict, with schema
 * @param geo locations, or {@code null} when not requested
 */
public record PredictSample(DataFrame historic, DataFrame future, FeatureCollection geo) {

    /**
     * A predict request for this sample.
     *
     * @param artifactId the trained-model artifact
     * @return the request
     */
    public PredictRequest toRequest(String artifactId) {
        return new PredictRequest(artifactId, historic, future, geo);
    }
}
