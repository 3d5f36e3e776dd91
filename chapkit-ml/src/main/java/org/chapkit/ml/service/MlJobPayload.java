package org.chapkit.ml.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an ML job stores as its payload: ids only. The request itself (its DataFrames and GeoJSON) is the job's
 * stored input ({@link org.chapkit.job.JobInputs}, under the job's id), written once at submission and read once by
 * the worker.
 *
 * @param configId the config of a train job, null for a predict job
 * @param artifactId the training artifact of a predict job, null for a train job
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MlJobPayload(
        @JsonProperty("config_id") String configId,
        @JsonProperty("artifact_id") String artifactId) {

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
}
