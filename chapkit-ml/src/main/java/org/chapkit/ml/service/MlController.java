package org.chapkit.ml.service;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chapkit.config.BaseConfig;
import org.chapkit.config.Config;
import org.chapkit.config.ConfigManager;
import org.chapkit.contract.ContractGeneration;
import org.chapkit.id.Ulids;
import org.chapkit.info.PeriodType;
import org.chapkit.info.ServiceInfo;
import org.chapkit.ml.api.JobSubmitted;
import org.chapkit.ml.api.PredictRequest;
import org.chapkit.ml.api.TrainRequest;
import org.chapkit.ml.api.ValidateRequest;
import org.chapkit.ml.api.ValidateResponse;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.evaluation.BacktestRequest;
import org.chapkit.ml.geo.FeatureCollection;
import org.chapkit.ml.sample.GeoType;
import org.chapkit.ml.sample.PredictionSample;
import org.chapkit.ml.sample.SampleDataGenerator;
import org.chapkit.ml.sample.SampleDataLimits;
import org.chapkit.ml.sample.SampleDataRequest;
import org.chapkit.ml.sample.TrainingSample;
import org.chapkit.problem.ChapkitException;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ProblemType;
import org.chapkit.problem.ValidationFailedException;
import org.chapkit.web.DecompressionLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/ml}: chapkit's {@code $train}, {@code $predict} (202 with the job id and the pre-allocated artifact
 * id), {@code $validate} and {@code $generate-sample-data}.
 */
@RestController
@RequestMapping("/api/v1/ml")
@Tag(name = "ML")
public class MlController {

    private final MlManager ml;
    private final ConfigManager<?> configs;
    private final ServiceInfo info;
    private final SampleDataGenerator generator = new SampleDataGenerator();
    private final FrameUploads uploads;
    private final SampleDataLimits sampleLimits;
    private final ContractGeneration contract;

    /**
     * Creates the controller with a default JSON mapper for uploads.
     *
     * @param ml the ML manager
     * @param configs the configs (for sample data of a config's covariates)
     * @param info the service info (period type, geo, covariates)
     */
    public MlController(MlManager ml, ConfigManager<?> configs, ServiceInfo info) {
        this(ml, configs, info, JsonMapper.builder().build());
    }

    /**
     * Creates the controller.
     *
     * @param ml the ML manager
     * @param configs the configs (for sample data of a config's covariates)
     * @param info the service info (period type, geo, covariates)
     * @param mapper reads the JSON parts of multipart uploads
     */
    public MlController(MlManager ml, ConfigManager<?> configs, ServiceInfo info, JsonMapper mapper) {
        this(ml, configs, info, mapper, new DecompressionLimits(1024L * 1024 * 1024, 100), SampleDataLimits.DEFAULT);
    }

    /**
     * Creates the controller.
     *
     * @param ml the ML manager
     * @param configs the configs (for sample data of a config's covariates)
     * @param info the service info (period type, geo, covariates)
     * @param mapper reads the JSON parts of multipart uploads
     * @param decompression what a gzipped part or body may expand to
     * @param sampleLimits bounds on {@code $generate-sample-data}
     */
    public MlController(
            MlManager ml,
            ConfigManager<?> configs,
            ServiceInfo info,
            JsonMapper mapper,
            DecompressionLimits decompression,
            SampleDataLimits sampleLimits) {
        this(ml, configs, info, mapper, decompression, sampleLimits, ContractGeneration.DEFAULT);
    }

    /**
     * Creates the controller.
     *
     * @param ml the ML manager
     * @param configs the configs (for sample data of a config's covariates)
     * @param info the service info (period type, geo, covariates)
     * @param mapper reads the JSON parts of multipart uploads
     * @param decompression what a gzipped part or body may expand to
     * @param sampleLimits bounds on {@code $generate-sample-data}
     * @param contract decides whether {@code $generate-sample-data} refuses an unknown or malformed {@code config_id}
     */
    public MlController(
            MlManager ml,
            ConfigManager<?> configs,
            ServiceInfo info,
            JsonMapper mapper,
            DecompressionLimits decompression,
            SampleDataLimits sampleLimits,
            ContractGeneration contract) {
        this.sampleLimits = sampleLimits;
        this.ml = ml;
        this.configs = configs;
        this.info = info;
        this.uploads = new FrameUploads(mapper, decompression);
        this.contract = contract;
    }

    /**
     * Submits a training job.
     *
     * @param request config id, data and optional geo; unknown keys are ignored
     * @return the job and the pre-allocated artifact id
     */
    @PostMapping("/$train")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Train a model", description = "Returns 202 at once; failures appear on the job.")
    public JobSubmitted train(@RequestBody TrainRequest request) {
        return ml.train(request);
    }

    /**
     * Submits a prediction job.
     *
     * @param request training artifact id, historic, future and optional geo; unknown keys are ignored
     * @return the job and the pre-allocated prediction artifact id
     */
    @PostMapping("/$predict")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Predict with a trained model", description = "Returns 202 at once.")
    public JobSubmitted predict(@RequestBody PredictRequest request) {
        return ml.predict(request);
    }

    /**
     * Submits a training job whose data comes as a file: a {@code data} part (CSV, Parquet, JSON or JSON Lines,
     * optionally gzipped) beside a {@code request} part holding the rest of the JSON body. Read with the same type
     * rules as artifact {@code $import}; any problem is answered before a job exists.
     *
     * @param request the JSON body without {@code data}: {@code config_id}, {@code geo}, {@code run_info}
     * @param data the training data file
     * @param geo an optional GeoJSON FeatureCollection file
     * @param configId {@code config_id} as a form field or query parameter, when there is no request part
     * @param model the optional registry model, as a form field or query parameter, when the request part has none
     * @return the job and the pre-allocated artifact id
     */
    @PostMapping(path = "/$train", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Train a model",
            description = "multipart/form-data: a request part (the JSON body without data) and data as a CSV,"
                    + " Parquet or JSON file part. Returns 202 at once.")
    public JobSubmitted trainUpload(
            @Parameter(hidden = true) @RequestPart(name = FrameUploads.REQUEST_PART, required = false) Part request,
            @Parameter(hidden = true) @RequestPart(name = "data", required = false) Part data,
            @Parameter(hidden = true) @RequestPart(name = "geo", required = false) Part geo,
            @Parameter(description = "config_id when there is no request part")
                    @RequestParam(name = "config_id", required = false)
                    String configId,
            @Parameter(description = "The registry model to train when the request part has none")
                    @RequestParam(name = "model", required = false)
                    String model) {
        ObjectNode fields = uploads.fields(request, List.of("data"));
        String config = FrameUploads.field(fields, "config_id", configId);
        FeatureCollection collection = uploads.geo(geo, fields);
        return ml.train(new TrainRequest(
                config, uploads.frame(data, "data"), collection, FrameUploads.optionalField(fields, "model", model)));
    }

    /**
     * Submits a training job whose whole body is the data file ({@code text/csv}, Parquet or JSON Lines, optionally
     * with {@code Content-Encoding: gzip}) and whose config comes as the {@code config_id} query parameter.
     *
     * @param body the request, read as the data file
     * @param configId the config ULID
     * @return the job and the pre-allocated artifact id
     * @throws IOException when the body cannot be read
     */
    @PostMapping(
            path = "/$train",
            consumes = {"text/csv", "application/vnd.apache.parquet", "application/jsonl"})
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Train a model",
            description = "A bare CSV, Parquet or JSON Lines body is the data; config_id is a query parameter.")
    public JobSubmitted trainFile(
            @Parameter(hidden = true) HttpServletRequest body,
            @Parameter(description = "The config ULID", required = true)
                    @RequestParam(name = "config_id", required = false)
                    String configId)
            throws IOException {
        String config = FrameUploads.field(null, "config_id", configId);
        DataFrame data;
        try (InputStream in = body.getInputStream()) {
            data = uploads.frame(in, body.getContentType(), "data");
        }
        return ml.train(new TrainRequest(config, data, null));
    }

    /**
     * Submits a prediction job whose frames come as files: {@code historic} and {@code future} parts (CSV, Parquet,
     * JSON or JSON Lines, optionally gzipped) beside a {@code request} part holding the rest of the JSON body.
     *
     * @param request the JSON body without frames: {@code artifact_id}, {@code geo}, {@code run_info}
     * @param historic the history file
     * @param future the file of periods to predict
     * @param geo an optional GeoJSON FeatureCollection file
     * @param artifactId {@code artifact_id} as a form field or query parameter, when there is no request part
     * @return the job and the pre-allocated prediction artifact id
     */
    @PostMapping(path = "/$predict", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Predict with a trained model",
            description = "multipart/form-data: a request part (the JSON body without frames), historic and future"
                    + " as CSV, Parquet or JSON file parts. Returns 202 at once.")
    public JobSubmitted predictUpload(
            @Parameter(hidden = true) @RequestPart(name = FrameUploads.REQUEST_PART, required = false) Part request,
            @Parameter(hidden = true) @RequestPart(name = "historic", required = false) Part historic,
            @Parameter(hidden = true) @RequestPart(name = "future", required = false) Part future,
            @Parameter(hidden = true) @RequestPart(name = "geo", required = false) Part geo,
            @Parameter(description = "artifact_id when there is no request part")
                    @RequestParam(name = "artifact_id", required = false)
                    String artifactId) {
        ObjectNode fields = uploads.fields(request, List.of("historic", "future"));
        String artifact = FrameUploads.field(fields, "artifact_id", artifactId);
        FeatureCollection collection = uploads.geo(geo, fields);
        DataFrame history = uploads.frame(historic, "historic");
        DataFrame periods = uploads.frame(future, "future");
        return ml.predict(new PredictRequest(artifact, history, periods, collection));
    }

    /**
     * Submits a rolling-origin backtest job.
     *
     * @param request config, dataset, splits and horizon
     * @return the job and the pre-allocated evaluation artifact id
     */
    @PostMapping("/$backtest")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Backtest the model by rolling origin",
            description = "Returns 202 at once; the job stores an ml_evaluation artifact (MAE, RMSE, CRPS, coverage)")
    public JobSubmitted backtest(@RequestBody BacktestRequest request) {
        return ml.backtest(request);
    }

    /**
     * Validates a train or predict request without running it.
     *
     * @param request the request, discriminated on {@code type}
     * @return the diagnostics
     */
    @PostMapping("/$validate")
    @Operation(summary = "Validate a train or predict request")
    public ValidateResponse validate(@RequestBody ValidateRequest request) {
        try {
            return ml.validate(request);
        } catch (ChapkitException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            // chapkit sanitises unexpected failures to the exception's class name.
            throw new ChapkitException(
                    ProblemType.INTERNAL, "Validation failed: " + ex.getClass().getSimpleName(), ex);
        }
    }

    /**
     * Generates synthetic train or predict data shaped like chap-core's.
     *
     * @return {@code {data, config_id?, geo?}} for {@code kind=train}, {@code {historic, future, geo?}} for
     *     {@code kind=predict}
     */
    @GetMapping("/$generate-sample-data")
    @Operation(summary = "Generate sample train or predict data")
    public Map<String, Object> generateSampleData(
            @RequestParam(defaultValue = "train") String kind,
            @RequestParam(name = "config_id", required = false) String configId,
            @RequestParam(name = "num_locations", defaultValue = "5") int numLocations,
            @RequestParam(name = "num_periods", defaultValue = "50") int numPeriods,
            @RequestParam(name = "num_features", defaultValue = "3") int numFeatures,
            @RequestParam(name = "period_type", required = false) String periodType,
            @RequestParam(name = "geo_type", defaultValue = "polygon") String geoType,
            @RequestParam(name = "include_geo", required = false) Boolean includeGeo,
            @RequestParam(defaultValue = "-1") long seed) {
        if (!kind.equals("train") && !kind.equals("predict")) {
            throw invalid("kind", "must be 'train' or 'predict'");
        }
        requireAtMost("num_locations", numLocations, sampleLimits.maxLocations());
        requireAtMost("num_periods", numPeriods, sampleLimits.maxPeriods());
        requireAtMost("num_features", numFeatures, sampleLimits.maxFeatures());
        if ((long) numLocations * numPeriods > sampleLimits.maxRows()) {
            throw invalid(
                    "num_locations",
                    "num_locations × num_periods must be at most " + sampleLimits.maxRows() + " rows, got "
                            + (long) numLocations * numPeriods);
        }
        Optional<? extends Config<? extends BaseConfig>> config = sampleConfig(configId);
        List<String> additional =
                config.map(c -> c.data().additionalContinuousCovariates()).orElse(List.of());
        int futurePeriods =
                Math.max(1, config.map(c -> c.data().predictionPeriods()).orElse(3));
        SampleDataRequest request;
        try {
            request = new SampleDataRequest(
                    numLocations,
                    numPeriods,
                    numFeatures,
                    futurePeriods,
                    periodType == null ? info.periodType() : parsePeriodType(periodType),
                    parseGeoType(geoType),
                    includeGeo == null ? info.requiresGeo() : includeGeo,
                    seed,
                    info.requiredCovariates(),
                    additional == null ? List.of() : additional);
        } catch (IllegalArgumentException ex) {
            throw invalid("num_locations", ex.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (kind.equals("train")) {
            TrainingSample sample = generator.training(request);
            body.put("data", sample.data());
            if (configId != null) {
                body.put("config_id", configId);
            }
            if (sample.geo() != null) {
                body.put("geo", sample.geo());
            }
        } else {
            PredictionSample sample = generator.prediction(request);
            body.put("historic", sample.historic());
            body.put("future", sample.future());
            if (sample.geo() != null) {
                body.put("geo", sample.geo());
            }
        }
        return body;
    }

    /**
     * The config whose covariates sample data gets. Generation 2 (chapkit 2.1.3) answers 400 for a malformed and 404
     * for an unknown {@code config_id}; generation 1 ignores both, as chapkit 1.x did.
     */
    private Optional<? extends Config<? extends BaseConfig>> sampleConfig(String configId) {
        if (configId == null) {
            return Optional.empty();
        }
        if (contract.sampleDataRequiresKnownConfig()) {
            return Optional.of(configs.getTyped(Ulids.requireValid(configId)));
        }
        return Ulids.isValid(configId) ? configs.findTyped(configId) : Optional.empty();
    }

    private static void requireAtMost(String field, int value, int max) {
        if (value > max) {
            throw invalid(field, "must be at most " + max + ", got " + value);
        }
    }

    private static PeriodType parsePeriodType(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "monthly" -> PeriodType.MONTHLY;
            case "weekly" -> PeriodType.WEEKLY;
            default -> throw invalid("period_type", "must be 'monthly' or 'weekly'");
        };
    }

    private static GeoType parseGeoType(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "polygon" -> GeoType.POLYGON;
            case "point" -> GeoType.POINT;
            default -> throw invalid("geo_type", "must be 'polygon' or 'point'");
        };
    }

    private static ValidationFailedException invalid(String field, String message) {
        return ValidationFailedException.invalid(FieldError.query(field, message));
    }
}
