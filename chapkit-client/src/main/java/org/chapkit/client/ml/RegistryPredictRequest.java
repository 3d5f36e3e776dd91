package org.chapkit.client.ml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.chapkit.client.data.DataFrame;
import org.chapkit.client.geo.FeatureCollection;

/**
 * The body of {@code POST /api/v1/ml/$predict} that selects the trained model through the model registry instead of
 * by artifact id: {@code model} (default: the service's) with {@code version} or {@code alias}, or neither (the
 * model's routing, else its latest version).
 *
 * @param model the model, or {@code null} for the service's
 * @param version the version, or {@code null}
 * @param alias the alias, or {@code null}
 * @param routingKey keeps a caller on one version under A/B routing, or {@code null}
 * @param historic observed data up to the forecast start
 * @param future the periods to predict
 * @param geo optional locations
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistryPredictRequest(
        @JsonProperty("model") String model,
        @JsonProperty("version") Integer version,
        @JsonProperty("alias") String alias,
        @JsonProperty("routing_key") String routingKey,
        @JsonProperty("historic") DataFrame historic,
        @JsonProperty("future") DataFrame future,
        @JsonProperty("geo") FeatureCollection geo) {

    /** Requires the frames. */
    public RegistryPredictRequest {
        Objects.requireNonNull(historic, "historic");
        Objects.requireNonNull(future, "future");
    }
}
