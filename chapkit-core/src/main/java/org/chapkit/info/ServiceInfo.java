package org.chapkit.info;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of {@code GET /api/v1/info}, and the {@code info} a service registers with chap-core. Without
 * {@link #additions()} (contract generation 1) it is exactly the key set of chapkit 1.x's {@code MLServiceInfo},
 * which chap-core 1.x validates with {@code extra="forbid"}; with them (generation 2) it has chapkit 2.x's keys.
 *
 * @param id slug identifier, {@code ^[a-z][a-z0-9]*(-[a-z0-9]+)*$}
 * @param displayName human-readable name
 * @param version service version
 * @param description optional description
 * @param modelMetadata authorship and links
 * @param periodType weekly or monthly
 * @param minPredictionPeriods inclusive lower bound for a config's {@code prediction_periods}
 * @param maxPredictionPeriods inclusive upper bound for a config's {@code prediction_periods}
 * @param allowFreeAdditionalContinuousCovariates whether configs may name covariates beyond the required ones
 * @param requiredCovariates covariate columns every training frame must have
 * @param requiresGeo whether train and predict need a GeoJSON feature collection
 * @param additions the chapkit 2.x keys, or null for the 1.x key set
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ServiceInfo(
        String id,
        @JsonProperty("display_name") String displayName,
        String version,
        String description,
        @JsonProperty("model_metadata") ModelMetadata modelMetadata,
        @JsonProperty("period_type") PeriodType periodType,
        @JsonProperty("min_prediction_periods") int minPredictionPeriods,
        @JsonProperty("max_prediction_periods") int maxPredictionPeriods,

        @JsonProperty("allow_free_additional_continuous_covariates")
        boolean allowFreeAdditionalContinuousCovariates,

        @JsonProperty("required_covariates") List<String> requiredCovariates,
        @JsonProperty("requires_geo") boolean requiresGeo,
        @JsonUnwrapped InfoAdditions additions) {

    /** The slug pattern servicekit enforces on {@link #id()}. */
    public static final Pattern ID_PATTERN = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");

    /**
     * Checks the invariants chap-core relies on.
     *
     * @throws IllegalArgumentException naming the offending field
     */
    public ServiceInfo {
        if (id == null || !ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "Service info 'id' must match " + ID_PATTERN.pattern() + " (lower-case slug), got '" + id + "'");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("Service info 'display_name' must not be blank");
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("Service info 'version' must not be blank");
        }
        if (modelMetadata == null) {
            throw new IllegalArgumentException("Service info 'model_metadata' is required");
        }
        if (periodType == null) {
            throw new IllegalArgumentException("Service info 'period_type' is required (weekly or monthly)");
        }
        if (periodType == PeriodType.ANY && additions == null) {
            throw new IllegalArgumentException("Service info 'period_type' any needs chapkit.contract.generation=2;"
                    + " chap-core 1.x accepts weekly or monthly only");
        }
        if (minPredictionPeriods < 0 || maxPredictionPeriods < minPredictionPeriods) {
            throw new IllegalArgumentException("Service info needs 0 <= min_prediction_periods (" + minPredictionPeriods
                    + ") <= max_prediction_periods (" + maxPredictionPeriods + ")");
        }
        requiredCovariates = requiredCovariates == null ? List.of() : List.copyOf(requiredCovariates);
    }

    /** The chapkit 1.x key set (contract generation 1). */
    public ServiceInfo(
            String id,
            String displayName,
            String version,
            String description,
            ModelMetadata modelMetadata,
            PeriodType periodType,
            int minPredictionPeriods,
            int maxPredictionPeriods,
            boolean allowFreeAdditionalContinuousCovariates,
            List<String> requiredCovariates,
            boolean requiresGeo) {
        this(
                id,
                displayName,
                version,
                description,
                modelMetadata,
                periodType,
                minPredictionPeriods,
                maxPredictionPeriods,
                allowFreeAdditionalContinuousCovariates,
                requiredCovariates,
                requiresGeo,
                null);
    }

    /** This info with {@code newAdditions} (null for the 1.x key set). */
    public ServiceInfo withAdditions(InfoAdditions newAdditions) {
        return new ServiceInfo(
                id,
                displayName,
                version,
                description,
                modelMetadata,
                periodType,
                minPredictionPeriods,
                maxPredictionPeriods,
                allowFreeAdditionalContinuousCovariates,
                requiredCovariates,
                requiresGeo,
                newAdditions);
    }
}
