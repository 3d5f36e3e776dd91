package org.chapkit.client.ml;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.chapkit.client.geo.FeatureCollection;
import org.chapkit.client.http.ChapkitHttp;
import org.chapkit.client.job.JobSubmission;
import tools.jackson.databind.JavaType;

/** Access to {@code /api/v1/ml}: train, predict (from JSON or from CSV/Parquet/JSON files), validate and sample data. */
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
     * {@code POST /api/v1/ml/$predict} selecting the trained model through the model registry (model with version
     * or alias, or its A/B routing) instead of by artifact id.
     *
     * @param request the selection and the frames
     * @return the job and the pre-allocated prediction artifact id
     */
    public JobSubmission predict(RegistryPredictRequest request) {
        return http.exchange("POST", BASE + "/$predict", null, request, submissionType);
    }

    /**
     * {@code POST /api/v1/ml/$backtest}: submits a rolling-origin backtest job (202); its artifact
     * ({@code ml_evaluation}) holds per split and overall MAE, RMSE, CRPS and interval coverage.
     *
     * @param request config, dataset, splits and horizon
     * @return the job and the pre-allocated evaluation artifact id
     */
    public JobSubmission backtest(BacktestRequest request) {
        return http.exchange("POST", BASE + "/$backtest", null, request, submissionType);
    }

    /**
     * {@code POST /api/v1/ml/$train} with the training data as a file (CSV, Parquet, JSON or JSON Lines, by its
     * extension, optionally {@code .gz}), streamed from disk.
     *
     * @param configId the config ULID
     * @param data the training data file
     * @return the job and the pre-allocated trained-model artifact id
     */
    public JobSubmission train(String configId, Path data) {
        return train(configId, FrameFile.of(data), null);
    }

    /**
     * {@code POST /api/v1/ml/$train} as {@code multipart/form-data}: a {@code request} part with the config id and
     * GeoJSON, and the data as a file part. The service reads it with the same type rules as a JSON body; a malformed
     * file is a {@link org.chapkit.client.ChapkitProblemException} (400 naming the part, 415 for an unsupported type)
     * and submits nothing.
     *
     * @param configId the config ULID
     * @param data the training data
     * @param geo GeoJSON, or {@code null}
     * @return the job and the pre-allocated trained-model artifact id
     */
    public JobSubmission train(String configId, FrameFile data, FeatureCollection geo) {
        Objects.requireNonNull(configId, "configId");
        Objects.requireNonNull(data, "data");
        MultipartBody body = new MultipartBody()
                .json("request", requestPart("config_id", configId, geo))
                .file("data", data);
        return http.upload("POST", BASE + "/$train", body.contentType(), body.publisher(), null, submissionType);
    }

    /**
     * {@code POST /api/v1/ml/$predict} with the history and the future periods as files (type by extension, as
     * {@link FrameFile#of(Path)}), streamed from disk.
     *
     * @param artifactId the training artifact ULID
     * @param historic the history file
     * @param future the file of periods to predict
     * @return the job and the pre-allocated prediction artifact id
     */
    public JobSubmission predict(String artifactId, Path historic, Path future) {
        return predict(artifactId, FrameFile.of(historic), FrameFile.of(future), null);
    }

    /**
     * {@code POST /api/v1/ml/$predict} as {@code multipart/form-data}: a {@code request} part with the training
     * artifact id and GeoJSON, and {@code historic} and {@code future} file parts.
     *
     * @param artifactId the training artifact ULID
     * @param historic the history
     * @param future the periods to predict
     * @param geo GeoJSON, or {@code null}
     * @return the job and the pre-allocated prediction artifact id
     */
    public JobSubmission predict(String artifactId, FrameFile historic, FrameFile future, FeatureCollection geo) {
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(historic, "historic");
        Objects.requireNonNull(future, "future");
        MultipartBody body = new MultipartBody()
                .json("request", requestPart("artifact_id", artifactId, geo))
                .file("historic", historic)
                .file("future", future);
        return http.upload("POST", BASE + "/$predict", body.contentType(), body.publisher(), null, submissionType);
    }

    private byte[] requestPart(String idField, String id, FeatureCollection geo) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put(idField, id);
        if (geo != null) {
            request.put("geo", geo);
        }
        return http.mapper().writeValueAsBytes(request);
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
