package org.chapkit.client.info;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The service's identity and ML capabilities, from {@code GET /api/v1/info}. Services built with a plain
 * (non-ML) info return only {@code id}, {@code display_name}, {@code version} and {@code description}; the other
 * members are then {@code null}.
 *
 * @param id slug identifier, for example {@code my-model}
 * @param displayName human-readable name
 * @param version service version
 * @param description description, or {@code null}
 * @param modelMetadata authorship and assessment of the model, or {@code null}
 * @param periodType the period granularity the model works with
 * @param minPredictionPeriods smallest allowed {@code prediction_periods}
 * @param maxPredictionPeriods largest allowed {@code prediction_periods}
 * @param allowFreeAdditionalContinuousCovariates whether configs may name extra covariates freely
 * @param requiredCovariates covariate columns the model needs in its data
 * @param requiresGeo whether train and predict need a GeoJSON {@code geo}
 */
public record ServiceInfo(
        String id,
        @JsonProperty("display_name") String displayName,
        String version,
        String description,
        @JsonProperty("model_metadata") ModelMetadata modelMetadata,
        @JsonProperty("period_type") PeriodType periodType,
        @JsonProperty("min_prediction_periods") Integer minPredictionPeriods,
        @JsonProperty("max_prediction_periods") Integer maxPredictionPeriods,

        @JsonProperty("allow_free_additional_continuous_covariates")
        Boolean allowFreeAdditionalContinuousCovariates,

        @JsonProperty("required_covariates") List<String> requiredCovariates,
        @JsonProperty("requires_geo") Boolean requiresGeo) {

    /** Normalises a missing covariate list to an empty one. */
    public ServiceInfo {
        requiredCovariates = requiredCovariates == null ? List.of() : List.copyOf(requiredCovariates);
    }
}
