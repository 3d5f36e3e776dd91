package org.chapkit.ml.service;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chapkit.config.BaseConfig;
import org.chapkit.config.Config;
import org.chapkit.config.ConfigManager;
import org.chapkit.id.Ulids;
import org.chapkit.info.PeriodType;
import org.chapkit.info.ServiceInfo;
import org.chapkit.ml.api.JobSubmitted;
import org.chapkit.ml.api.PredictRequest;
import org.chapkit.ml.api.TrainRequest;
import org.chapkit.ml.api.ValidateRequest;
import org.chapkit.ml.api.ValidateResponse;
import org.chapkit.ml.sample.GeoType;
import org.chapkit.ml.sample.PredictionSample;
import org.chapkit.ml.sample.SampleDataGenerator;
import org.chapkit.ml.sample.SampleDataRequest;
import org.chapkit.ml.sample.TrainingSample;
import org.chapkit.problem.ChapkitException;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ProblemType;
import org.chapkit.problem.ValidationFailedException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

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

    /**
     * Creates the controller.
     *
     * @param ml the ML manager
     * @param configs the configs (for sample data of a config's covariates)
     * @param info the service info (period type, geo, covariates)
     */
    public MlController(MlManager ml, ConfigManager<?> configs, ServiceInfo info) {
        this.ml = ml;
        this.configs = configs;
        this.info = info;
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
        Optional<? extends Config<? extends BaseConfig>> config =
                configId != null && Ulids.isValid(configId) ? configs.findTyped(configId) : Optional.empty();
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
        return new ValidationFailedException(
                "Invalid query parameter " + field + ": " + message, List.of(new FieldError(field, message)));
    }
}
