package org.chapkit;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.chapkit.config.BaseConfig;
import org.chapkit.config.ConfigDefault;

/**
 * The test service's second config type, {@code scenario}, registered through
 * {@code chapkit.config.additional-types.scenario}: a schema of its own beside {@link TestModelConfig}.
 *
 * @param predictionPeriods periods to predict
 * @param additionalContinuousCovariates extra covariates
 * @param rainfallFactor factor applied to the rainfall of the scenario
 * @param label what the scenario is called
 */
public record TestScenarioConfig(
        @ConfigDefault("3") @Min(1) int predictionPeriods,
        @ConfigDefault("[]") @NotNull List<String> additionalContinuousCovariates,

        @ConfigDefault("1.0") @DecimalMin("0") @DecimalMax("10")
        double rainfallFactor,

        @ConfigDefault("baseline") @NotNull String label)
        implements BaseConfig {}
