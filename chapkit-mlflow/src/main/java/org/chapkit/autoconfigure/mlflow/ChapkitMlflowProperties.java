package org.chapkit.autoconfigure.mlflow;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the MLflow export ({@code chapkit.mlflow.*}). Retries are the event outbox's ({@code
 * chapkit.events.delivery.*}).
 *
 * @param enabled whether each training is exported as an MLflow run
 * @param trackingUri the MLflow tracking server
 * @param experimentName the experiment trainings go to; empty for the service's id ({@code chapkit.service.id})
 * @param connectTimeout the longest wait for a connection to the tracking server
 * @param requestTimeout the longest wait for one answer of the tracking server
 * @param token a bearer token sent with every call; empty for none
 * @param username the user of HTTP basic authentication (MLflow's {@code basic-auth} app); empty for none
 * @param password the password of HTTP basic authentication
 * @param maxModelBytes the largest model uploaded as the run's {@code model/} artifact (through the tracking server's
 *     artifact proxy); larger models get only the {@code chapkit-model.json} description; 0 uploads no model bytes
 * @param serviceUrl this service's public base URL, for the model's download link (tag {@code chapkit.model_url});
 *     empty for no link
 * @param registry the model registry
 */
@ConfigurationProperties("chapkit.mlflow")
public record ChapkitMlflowProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("http://localhost:5000") URI trackingUri,
        String experimentName,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration requestTimeout,
        String token,
        String username,
        String password,
        @DefaultValue("10MB") DataSize maxModelBytes,
        URI serviceUrl,
        @DefaultValue Registry registry) {

    /**
     * Registering trainings in MLflow's model registry.
     *
     * @param enabled whether each successful training becomes a version of a registered model
     * @param modelName the registered model's name; empty for the service's id
     */
    public record Registry(@DefaultValue("false") boolean enabled, String modelName) {}
}
