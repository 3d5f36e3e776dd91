package org.chapkit.ml.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
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
 * @param tags tags for the prediction artifact (the registry route: version, alias, shadow), null for none
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
        @JsonProperty("tags") List<String> tags,

        @JsonProperty(value = "data", access = JsonProperty.Access.WRITE_ONLY)
        DataFrame legacyData,

        @JsonProperty(value = "historic", access = JsonProperty.Access.WRITE_ONLY)
        DataFrame legacyHistoric,

        @JsonProperty(value = "future", access = JsonProperty.Access.WRITE_ONLY)
        DataFrame legacyFuture,

        @JsonProperty(value = "geo", access = JsonProperty.Access.WRITE_ONLY)
        FeatureCollection legacyGeo) {

    /**
     * A payload of ids only.
     *
     * @param configId the config of a train job
     * @param artifactId the training artifact of a predict job
     */
    public MlJobPayload(String configId, String artifactId) {
        this(configId, artifactId, null, null, null, null, null);
    }

    /**
     * The payload of a train job.
     *
     * @param configId the config
     * @return the payload
     */
    public static MlJobPayload train(String configId) {
        return new MlJobPayload(configId, null);
    }

    /**
     * The payload of a predict job.
     *
     * @param artifactId the training artifact
     * @return the payload
     */
    public static MlJobPayload predict(String artifactId) {
        return new MlJobPayload(null, artifactId);
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

    /**
     * The payload of a predict job whose prediction artifact gets {@code tags}.
     *
     * @param artifactId the training artifact
     * @param tags the prediction's tags
     * @return the payload
     */
    public static MlJobPayload predict(String artifactId, List<String> tags) {
        return new MlJobPayload(null, artifactId, tags.isEmpty() ? null : List.copyOf(tags), null, null, null, null);
    }
}
