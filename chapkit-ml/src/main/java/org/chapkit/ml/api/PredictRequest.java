package org.chapkit.ml.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.geo.FeatureCollection;
import org.chapkit.ml.registry.ModelSelector;

/**
 * Body of {@code POST /api/v1/ml/$predict}; {@code historic} and {@code future} are both required (an empty
 * {@code data} is allowed). The training artifact is named by {@code artifact_id} (chap-core), or through the model
 * registry by {@code model} (default: the service's model) with {@code version} or {@code alias} (neither: its latest
 * active version).
 *
 * @param artifactId the training artifact ULID, or {@code null} when the registry selects it
 * @param historic the history
 * @param future the periods to predict
 * @param geo the optional GeoJSON
 * @param model the registered model's name, or {@code null}
 * @param version the model version, or {@code null}
 * @param alias the model alias ({@code champion}, …), or {@code null}
 * @param routingKey with a model's A/B routing, what keeps a caller on one version (a location, a user), or
 *     {@code null} for a random choice
 */
public record PredictRequest(
        @JsonProperty("artifact_id") String artifactId,
        @JsonProperty(value = "historic", required = true) DataFrame historic,
        @JsonProperty(value = "future", required = true) DataFrame future,

        @Schema(
                description = "GeoJSON FeatureCollection",
                type = "object",
                implementation = Object.class,
                nullable = true)
        @JsonProperty("geo")
        FeatureCollection geo,

        @JsonProperty("model") String model,
        @JsonProperty("version") Integer version,
        @JsonProperty("alias") String alias,
        @JsonProperty("routing_key") String routingKey) {

    /**
     * A request naming the training artifact, as chap-core sends it.
     *
     * @param artifactId the training artifact ULID
     * @param historic the history
     * @param future the periods to predict
     * @param geo the optional GeoJSON
     */
    public PredictRequest(String artifactId, DataFrame historic, DataFrame future, FeatureCollection geo) {
        this(artifactId, historic, future, geo, null, null, null, null);
    }

    /**
     * The registry selection of this request.
     *
     * @return model, version and alias
     */
    public ModelSelector selector() {
        return new ModelSelector(model, version, alias);
    }

    /**
     * Whether the request selects through the registry (a model, version, alias or routing key).
     *
     * @return true when it does
     */
    public boolean selects() {
        return selector().present() || routingKey != null;
    }

    /**
     * The same request naming {@code trainingId}, the selection resolved.
     *
     * @param trainingId the training artifact ULID
     * @return the request with {@code artifact_id} set and no selection
     */
    public PredictRequest withArtifactId(String trainingId) {
        return new PredictRequest(trainingId, historic, future, geo);
    }
}
