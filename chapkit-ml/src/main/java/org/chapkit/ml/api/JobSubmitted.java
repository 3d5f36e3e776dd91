package org.chapkit.ml.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The 202 body of {@code $train} and {@code $predict} ({@code TrainResponse} / {@code PredictResponse}).
 *
 * @param jobId the job ULID
 * @param artifactId the pre-allocated artifact ULID the job will create
 * @param message {@code Training job submitted. Job ID: …} or {@code Prediction job submitted. Job ID: …}
 */
public record JobSubmitted(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("artifact_id") String artifactId,
        @JsonProperty("message") String message) {

    /**
     * The response to a train submission.
     *
     * @param jobId the job ULID
     * @param artifactId the pre-allocated artifact ULID
     * @return the response
     */
    public static JobSubmitted training(String jobId, String artifactId) {
        return new JobSubmitted(jobId, artifactId, "Training job submitted. Job ID: " + jobId);
    }

    /**
     * The response to a predict submission.
     *
     * @param jobId the job ULID
     * @param artifactId the pre-allocated artifact ULID
     * @return the response
     */
    public static JobSubmitted prediction(String jobId, String artifactId) {
        return new JobSubmitted(jobId, artifactId, "Prediction job submitted. Job ID: " + jobId);
    }

    /**
     * The response of {@code $backtest}.
     *
     * @param jobId the job
     * @param artifactId the pre-allocated evaluation artifact
     * @return the response
     */
    public static JobSubmitted backtest(String jobId, String artifactId) {
        return new JobSubmitted(jobId, artifactId, "Backtest job submitted. Job ID: " + jobId);
    }
}
