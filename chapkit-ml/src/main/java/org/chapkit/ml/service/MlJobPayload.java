package org.chapkit.ml.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import org.chapkit.ml.api.PredictRequest;
import org.chapkit.ml.api.TrainRequest;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.geo.FeatureCollection;

/**
 * What an ML job stores as its payload: ids only. The request itself (its DataFrames and GeoJSON) is the job's
 * stored input ({@link org.chapkit.job.JobInputs}, under the job's id), written once at submission and read once by
 * the worker.
 *
 * <p>Jobs queued by a version before job inputs existed carry the whole request as their payload; its frames are read
 * into the {@code legacy…} components (never written), so such a job still runs after an upgrade
 * ({@link #legacyTrainRequest()}, {@link #legacyPredictRequest()}).
 *
 * @param configId the config of a train job, null for a predict job
 * @param artifactId the training artifact of a predict job, null for a train job
 * @param legacyData a pre-upgrade train payload's {@code data}, else null
 * @param legacyHistoric a pre-upgrade predict payload's {@code historic}, else null
 * @param legacyFuture a pre-upgrade predict payload's {@code future}, else null
 * @param legacyGeo a pre-upgrade payload's {@code geo}, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MlJobPayload(
        @JsonProperty("config_id") String configId,
        @JsonProperty("artifact_id") String artifactId,

        @JsonProperty(value = "data", access = JsonProperty.Access.WRITE_ONLY)
        DataFrame legacyData,

        @JsonProperty(value = "historic", access = JsonProperty.Access.WRITE_ONLY)
        DataFrame legacyHistoric,

        @JsonProperty(value = "future", access = JsonProperty.Access.WRITE_ONLY)
        DataFrame legacyFuture,

        @JsonProperty(value = "geo", access = JsonProperty.Access.WRITE_ONLY)
        FeatureCollection legacyGeo) {

    /**
     * The payload of a train job.
     *
     * @param configId the config
     * @return the payload
     */
    public static MlJobPayload train(String configId) {
        return new MlJobPayload(configId, null, null, null, null, null);
    }

    /**
     * The payload of a predict job.
     *
     * @param artifactId the training artifact
     * @return the payload
     */
    public static MlJobPayload predict(String artifactId) {
        return new MlJobPayload(null, artifactId, null, null, null, null);
    }

    /** The {@code $train} request of a train job queued before job inputs existed, if this payload is one. */
    public Optional<TrainRequest> legacyTrainRequest() {
        return legacyData == null ? Optional.empty() : Optional.of(new TrainRequest(configId, legacyData, legacyGeo));
    }

    /** The {@code $predict} request of a predict job queued before job inputs existed, if this payload is one. */
    public Optional<PredictRequest> legacyPredictRequest() {
        return legacyHistoric == null || legacyFuture == null
                ? Optional.empty()
                : Optional.of(new PredictRequest(artifactId, legacyHistoric, legacyFuture, legacyGeo));
    }
}
