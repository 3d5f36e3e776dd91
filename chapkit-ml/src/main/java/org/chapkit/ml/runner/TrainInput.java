package org.chapkit.ml.runner;

import java.util.Objects;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.data.TablesawFrames;
import org.chapkit.ml.geo.FeatureCollection;
import tech.tablesaw.api.Table;

/**
 * What a train call (and its validation hook) receives.
 *
 * @param config the typed config
 * @param data the training data as received
 * @param geo the optional GeoJSON, or {@code null}
 * @param <C> the config type
 */
public record TrainInput<C>(C config, DataFrame data, FeatureCollection geo) {

    /** Checks the required components. */
    public TrainInput {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(data, "data");
    }

    /**
     * The training data as a Tablesaw table named {@code data}.
     *
     * @return a new table
     */
    public Table dataTable() {
        return TablesawFrames.toTable(data, "data");
    }
}
