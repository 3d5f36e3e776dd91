package org.chapkit.sample;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.chapkit.config.BaseConfig;
import org.chapkit.config.ConfigDefault;

/**
 * The sample model's config ({@code chapkit.config.type}); every field has a default so chap-core's
 * {@code data: {}} probe succeeds.
 *
 * @param predictionPeriods periods to predict
 * @param additionalContinuousCovariates covariates used beyond {@code rainfall} and {@code mean_temperature}
 * @param nSamples number of {@code sample_<i>} columns (residual-bootstrap draws) per prediction
 * @param lags number of lagged {@code disease_cases} values used as regressors
 * @param seed seed of the bootstrap, so predictions are reproducible
 */
@Schema(description = "Per-location linear regression of disease cases")
public record ForecastConfig(
        @ConfigDefault("3") @Min(1) @Max(12) int predictionPeriods,
        @ConfigDefault("[]") @NotNull List<String> additionalContinuousCovariates,

        @ConfigDefault("20") @Min(1) @Max(200) @Schema(description = "Samples per predicted period")
        int nSamples,

        @ConfigDefault("1") @Min(0) @Max(6) @Schema(description = "Lagged disease_cases regressors")
        int lags,

        @ConfigDefault("42") @Schema(description = "Seed of the residual bootstrap")
        long seed)
        implements BaseConfig {}
