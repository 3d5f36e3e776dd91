package org.chapkit.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The config type used when a service declares none: just chapkit's two reserved fields.
 *
 * @param predictionPeriods number of periods to predict
 * @param additionalContinuousCovariates extra continuous covariates
 */
public record DefaultConfig(
        @ConfigDefault("3") @Min(1) int predictionPeriods,
        @ConfigDefault("[]") @NotNull List<String> additionalContinuousCovariates)
        implements BaseConfig {}
