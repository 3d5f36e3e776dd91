package org.chapkit.config;

import java.util.List;

/**
 * What every config record has, as chapkit's {@code BaseConfig}: how many periods to predict and which extra
 * continuous covariates to use. Implement it with a record whose components are {@code int predictionPeriods} and
 * {@code List<String> additionalContinuousCovariates} (wire names {@code prediction_periods} and
 * {@code additional_continuous_covariates}), each with a {@link ConfigDefault}, so that {@code data: {}} is valid:
 *
 * <pre>{@code
 * public record ForecastConfig(
 *         @ConfigDefault("3") @Min(1) int predictionPeriods,
 *         @ConfigDefault("[]") List<String> additionalContinuousCovariates,
 *         @ConfigDefault("6") @Schema(description = "Lags of the target") @Min(0) int nLags)
 *         implements BaseConfig {}
 * }</pre>
 */
public interface BaseConfig {

    /** Wire name of {@link #predictionPeriods()}. */
    String PREDICTION_PERIODS = "prediction_periods";

    /** Wire name of {@link #additionalContinuousCovariates()}. */
    String ADDITIONAL_CONTINUOUS_COVARIATES = "additional_continuous_covariates";

    /** Number of periods to predict. */
    int predictionPeriods();

    /** Continuous covariates to use beyond the model's required ones. */
    List<String> additionalContinuousCovariates();
}
