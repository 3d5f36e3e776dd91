package org.chapkit.ml.sample;

import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.geo.FeatureCollection;

/**
 * Generated prediction input: the future continues right after the history, with {@code disease_cases} null.
 *
 * @param historic the history, with schema
 * @param future the future, with schema
 * @param geo the locations, or {@code null}
 */
public record PredictionSample(DataFrame historic, DataFrame future, FeatureCollection geo) {}
