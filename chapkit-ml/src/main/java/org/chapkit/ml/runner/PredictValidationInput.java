package org.chapkit.ml.runner;

import java.util.Objects;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.data.TablesawFrames;
import org.chapkit.ml.geo.FeatureCollection;
import tech.tablesaw.api.Table;

/**
 * What the predict validation hook receives (chapkit's {@code on_validate_predict}: no model).
 *
 * @param config the typed config of the training artifact
 * @param historic the observed history
 * @param future the periods to predict
 * @param geo the optional GeoJSON, or {@code null}
 * @param <C> the config type
 */
public record PredictValidationInput<C>(C config, DataFrame historic, DataFrame future, FeatureCollection geo) {

    /** Checks the required components. */
    public PredictValidationInput {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(historic, "historic");
        Objects.requireNonNull(future, "future");
    }

    /**
     * The history as a Tablesaw table named {@code historic}.
     *
     * @return a new table
     */
    public Table historicTable() {
        return TablesawFrames.toTable(historic, "historic");
    }

    /**
     * The future as a Tablesaw table named {@code future}.
     *
     * @return a new table
     */
    public Table futureTable() {
        return TablesawFrames.toTable(future, "future");
    }
}
