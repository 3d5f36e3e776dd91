package org.chapkit.ml.runner;

import java.util.Objects;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.data.TablesawFrames;
import org.chapkit.ml.geo.FeatureCollection;
import tech.tablesaw.api.Table;

/**
 * What a predict call receives.
 *
 * @param config the typed config the model was trained with
 * @param model the trained model, decoded by the runner's {@link ModelCodec}
 * @param historic the observed history
 * @param future the periods to predict ({@code disease_cases} is {@code null})
 * @param geo the optional GeoJSON, or {@code null}
 * @param <C> the config type
 * @param <M> the model type
 */
public record PredictInput<C, M>(C config, M model, DataFrame historic, DataFrame future, FeatureCollection geo) {

    /** Checks the required components. */
    public PredictInput {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(model, "model");
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
