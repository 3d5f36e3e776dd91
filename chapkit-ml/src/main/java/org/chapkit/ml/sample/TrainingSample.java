package org.chapkit.ml.sample;

import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.geo.FeatureCollection;

/**
 * Generated training data.
 *
 * @param data the frame, with schema
 * @param geo the locations, or {@code null}
 */
public record TrainingSample(DataFrame data, FeatureCollection geo) {}
