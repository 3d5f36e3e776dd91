package org.chapkit.client.ml;

import org.chapkit.client.http.ChapkitHttp;
import org.chapkit.client.job.JobSubmission;
import tools.jackson.databind.JavaType;

/** Access to {@code /api/v1/ml}: train, predict, validate and sample data. */
public final class MlClient {

    private static final String BASE = "/api/v1/ml";

    private final ChapkitHttp http;
    private final JavaType submissionType;

    /**
     * Creates the client.
     *
     * @param http the shared transport
     */
    public MlClient(ChapkitHttp http) {
        this.http = http;
        this.submissionType = http.types().constructType(JobSubmission.class);
    }

    /**
     * {@code POST /api/v1/ml/$train}: submits a training job (202). Problems with the config or data show up as
     * a failed job, not here.
     *
     * @param request what to train
     * @return the job and the pre-allocated trained-model artifact id
     */
    public JobSubmission train(TrainRequest request) {
        return http.exchange("POST", BASE + "/$train", null, request, submissionType);
    }

    /**
     * {@code POST /api/v1/ml/$predict}: submits a prediction job (202).
     *
     * @param request what to predict
     * @return the job and the pre-allocated prediction artifact id
     */
    public JobSubmission predict(PredictRequest request) {
        return http.exchange("POST", BASE + "/$predict", null, request, submissionType);
    }

    /**
     * {@code POST /api/v1/ml/$validate}: checks a train or predict request without running it.
     *
     * @param request the request to check
     * @return the diagnostics
     */
    public ValidationResult validate(ValidateRequest request) {
        return http.exchange(
                "POST", BASE + "/$validate", null, request, http.types().constructType(ValidationResult.class));
    }

    /**
     * {@code GET /api/v1/ml/$generate-sample-data?kind=train}.
     *
     * @param query generator parameters
     * @return the sample training data
     */
    public TrainSample sampleTrainData(SampleDataQuery query) {
        return http.get(
                BASE + "/$generate-sample-data",
                query.toQuery("train"),
                http.types().constructType(TrainSample.class));
    }

    /**
     * {@code GET /api/v1/ml/$generate-sample-data?kind=predict}.
     *
     * @param query generator parameters
     * @return the sample prediction input
     */
    public PredictSample samplePredictData(SampleDataQuery query) {
        return http.get(
                BASE + "/$generate-sample-data",
                query.toQuery("predict"),
                http.types().constructType(PredictSample.class));
    }
}
