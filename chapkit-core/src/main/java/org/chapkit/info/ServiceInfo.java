package org.chapkit.info;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of {@code GET /api/v1/info}: exactly the key set of chapkit's {@code MLServiceInfo}. chap-core
 * validates it with {@code extra="forbid"}, so this record must never gain a component.
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
        @JsonProperty("requires_geo") boolean requiresGeo) {

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
        if (minPredictionPeriods < 0 || maxPredictionPeriods < minPredictionPeriods) {
            throw new IllegalArgumentException("Service info needs 0 <= min_prediction_periods (" + minPredictionPeriods
                    + ") <= max_prediction_periods (" + maxPredictionPeriods + ")");
        }
        requiredCovariates = requiredCovariates == null ? List.of() : List.copyOf(requiredCovariates);
    }
}
