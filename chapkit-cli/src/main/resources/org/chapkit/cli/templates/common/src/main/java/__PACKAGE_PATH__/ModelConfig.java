package __PACKAGE__;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.chapkit.config.BaseConfig;
import org.chapkit.config.ConfigDefault;

/**
 * The model's config; {@code chapkit.config.type} in application.yml names it. Every field has a default, so
 * chap-core's {@code data: {}} probe is valid.
 *
 * @param predictionPeriods how many periods to predict
 * @param additionalContinuousCovariates covariates beyond the required ones
 * @param samples how many samples per predicted row
 */
public record ModelConfig(
        @ConfigDefault("3") @Min(1) @Max(12) int predictionPeriods,
        @ConfigDefault("[]") @NotNull List<String> additionalContinuousCovariates,
        @ConfigDefault("3") @Min(1) @Max(100) int samples)
        implements BaseConfig {}
