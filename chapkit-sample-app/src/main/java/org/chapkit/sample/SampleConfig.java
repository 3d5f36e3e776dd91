package org.chapkit.sample;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.chapkit.config.BaseConfig;
import org.chapkit.config.ConfigDefault;

/**
 * The sample forecaster's config record (registered with {@code chapkit.config.type}); every component has a default,
 * so {@code {"data": {}}} is a valid config.
 *
 * @param predictionPeriods periods to predict, within the service's 1 to 12
 * @param additionalContinuousCovariates covariates to use beyond rainfall and mean temperature
 * @param nLags lags of disease cases used as predictors
 */
public record SampleConfig(
        @ConfigDefault("3") @Min(1) @Max(12) int predictionPeriods,
        @ConfigDefault("[]") @NotNull List<String> additionalContinuousCovariates,
        @ConfigDefault("1") @Min(0) @Max(12) int nLags)
        implements BaseConfig {}
