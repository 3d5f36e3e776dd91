package org.chapkit.ml.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.geo.FeatureCollection;

/**
 * Body of {@code POST /api/v1/ml/$backtest}: a config and a dataset with the truth ({@code disease_cases}), evaluated
 * by rolling origin — for each of {@code splits} origins, train on the periods before it and predict the next
 * {@code horizon} periods.
 *
 * @param configId the config ULID
 * @param data the dataset: {@code time_period}, {@code location}, the covariates and {@code disease_cases}
 * @param geo the optional GeoJSON
 * @param splits how many origins (default 3)
 * @param horizon periods predicted per origin (default the config's {@code prediction_periods})
 */
public record BacktestRequest(
        @JsonProperty(value = "config_id", required = true) String configId,
        @JsonProperty(value = "data", required = true) DataFrame data,

        @Schema(
                description = "GeoJSON FeatureCollection",
                type = "object",
                implementation = Object.class,
                nullable = true)
        @JsonProperty("geo")
        FeatureCollection geo,

        @JsonProperty("splits") Integer splits,
        @JsonProperty("horizon") Integer horizon) {}
