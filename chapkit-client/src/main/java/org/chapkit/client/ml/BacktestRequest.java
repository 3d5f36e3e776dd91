package org.chapkit.client.ml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.chapkit.client.data.DataFrame;
import org.chapkit.client.geo.FeatureCollection;

/**
 * The body of {@code POST /api/v1/ml/$backtest}: rolling-origin evaluation of a config on a dataset with the truth.
 *
 * @param configId the config
 * @param data the dataset, with {@code disease_cases}
 * @param geo optional locations
 * @param splits how many origins, or {@code null} for 3
 * @param horizon periods per origin, or {@code null} for the config's {@code prediction_periods}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BacktestRequest(
        @JsonProperty("config_id") String configId,
        @JsonProperty("data") DataFrame data,
        @JsonProperty("geo") FeatureCollection geo,
        @JsonProperty("splits") Integer splits,
        @JsonProperty("horizon") Integer horizon) {

    /** Requires the config and data. */
    public BacktestRequest {
        Objects.requireNonNull(configId, "configId");
        Objects.requireNonNull(data, "data");
    }
}
