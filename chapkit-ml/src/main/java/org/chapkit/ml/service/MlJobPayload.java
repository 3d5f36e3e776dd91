package org.chapkit.ml.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What an ML job stores as its payload: ids only. The request itself (its DataFrames and GeoJSON) is the job's
 * stored input ({@link org.chapkit.job.JobInputs}, under the job's id), written once at submission and read once by
 * the worker.
 *
 * @param configId the config of a train job, null for a predict job
 * @param artifactId the training artifact of a predict job, null for a train job
 * @param tags tags for the prediction artifact (the registry route: version, alias, shadow), null for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MlJobPayload(
        @JsonProperty("config_id") String configId,
        @JsonProperty("artifact_id") String artifactId,
        @JsonProperty("tags") List<String> tags) {

    /**
     * A payload without tags.
     *
     * @param configId the config of a train job
     * @param artifactId the training artifact of a predict job
     */
    public MlJobPayload(String configId, String artifactId) {
        this(configId, artifactId, null);
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

    /**
     * The payload of a predict job whose prediction artifact gets {@code tags}.
     *
     * @param artifactId the training artifact
     * @param tags the prediction's tags
     * @return the payload
     */
    public static MlJobPayload predict(String artifactId, List<String> tags) {
        return new MlJobPayload(null, artifactId, tags.isEmpty() ? null : List.copyOf(tags));
    }
}
