package org.chapkit.ml.sample;

import java.util.List;
import java.util.Objects;
import org.chapkit.info.PeriodType;

/**
 * What to generate ({@code $generate-sample-data} query parameters plus the service's covariates).
 *
 * @param numLocations number of locations ({@code location_0 …}); chapkit's default is 5
 * @param numPeriods number of (historic) periods; default 50
 * @param numFeatures number of extra {@code feature_<i>} columns; default 3
 * @param futurePeriods number of future periods for prediction samples
 * @param periodType monthly ({@code 2020-01}) or weekly ({@code 2020-W01})
 * @param geoType polygon or point geometry
 * @param includeGeo whether to generate a FeatureCollection
 * @param seed the random seed, or a negative value for a random one
 * @param requiredCovariates the service's required covariates, added as numeric columns
 * @param additionalCovariates a config's additional continuous covariates, added as numeric columns
 */
public record SampleDataRequest(
        int numLocations,
        int numPeriods,
        int numFeatures,
        int futurePeriods,
        PeriodType periodType,
        GeoType geoType,
        boolean includeGeo,
        long seed,
        List<String> requiredCovariates,
        List<String> additionalCovariates) {

    /** Checks ranges and copies the lists. */
    public SampleDataRequest {
        if (numLocations < 1 || numPeriods < 1 || numFeatures < 0 || futurePeriods < 1) {
            throw new IllegalArgumentException(
                    "num_locations, num_periods and future periods must be at least 1, num_features at least 0");
        }
        Objects.requireNonNull(periodType, "periodType");
        Objects.requireNonNull(geoType, "geoType");
        requiredCovariates = List.copyOf(requiredCovariates);
        additionalCovariates = List.copyOf(additionalCovariates);
    }

    /**
     * chapkit's defaults: 5 locations, 50 periods, 3 features, 3 future periods, monthly, polygons, no geo,
     * random seed.
     *
     * @return the request
     */
    public static SampleDataRequest defaults() {
        return new SampleDataRequest(5, 50, 3, 3, PeriodType.MONTHLY, GeoType.POLYGON, false, -1, List.of(), List.of());
    }
}
