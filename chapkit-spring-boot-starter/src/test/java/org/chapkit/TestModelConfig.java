package org.chapkit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.chapkit.config.BaseConfig;
import org.chapkit.config.ConfigDefault;

/**
 * The test service's config record, registered through {@code chapkit.config.type}.
 *
 * @param predictionPeriods periods to predict
 * @param additionalContinuousCovariates extra covariates
 * @param nLags lags of the target
 * @param method regression method
 * @param smoothing smoothing factor
 */
@Schema(description = "Configuration of the test model")
public record TestModelConfig(
        @ConfigDefault("3") @Min(1) @Max(24) int predictionPeriods,
        @ConfigDefault("[]") @NotNull List<String> additionalContinuousCovariates,

        @ConfigDefault("6") @Min(0) @Schema(description = "Lags of the target")
        int nLags,

        @ConfigDefault("linear") Method method,

        @ConfigDefault("0.5") @DecimalMin("0") @DecimalMax("1")
        double smoothing)
        implements BaseConfig {

    /** Regression methods. */
    public enum Method {
        @JsonProperty("linear")
        LINEAR,
        @JsonProperty("poisson")
        POISSON
    }
}
