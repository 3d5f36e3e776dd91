package org.chapkit.mlflow;

import java.net.URI;
import java.util.Objects;

/**
 * What a training's MLflow run is named and filed under.
 *
 * @param experimentName the experiment every training goes to
 * @param serviceId the service's id (tag {@code chapkit.service_id})
 * @param serviceVersion the service's version (tag {@code chapkit.service_version})
 * @param registeredModel the registered model each successful training becomes a version of, or null to register
 *     nothing
 * @param maxModelBytes the largest model uploaded as the run's {@code model/} artifact; a larger one is linked only
 * @param serviceUrl the service's public base URL for the model's download link ({@code chapkit.model_url}), or null
 */
public record MlflowExportSettings(
        String experimentName,
        String serviceId,
        String serviceVersion,
        String registeredModel,
        long maxModelBytes,
        URI serviceUrl) {

    /** Checks the values. */
    public MlflowExportSettings {
        Objects.requireNonNull(experimentName, "experimentName");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(serviceVersion, "serviceVersion");
        if (experimentName.isBlank()) {
            throw new IllegalArgumentException("The MLflow experiment name must not be blank");
        }
        if (registeredModel != null && registeredModel.isBlank()) {
            throw new IllegalArgumentException("The MLflow registered model name must not be blank");
        }
        if (maxModelBytes < 0) {
            throw new IllegalArgumentException("maxModelBytes must be 0 or more, not " + maxModelBytes);
        }
    }
}
