package org.chapkit.client.ml;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chapkit.client.info.PeriodType;

/**
 * Parameters of {@code GET /api/v1/ml/$generate-sample-data}; {@code null} members take the server's defaults
 * (5 locations, 50 periods, 3 features, the service's period type and geo requirement, a random seed).
 *
 * @param configId config id to echo back in train samples, or {@code null}
 * @param numLocations number of locations
 * @param numPeriods number of periods
 * @param numFeatures number of extra {@code feature_i} columns
 * @param periodType weekly or monthly periods
 * @param geoType {@code polygon} or {@code point}
 * @param includeGeo whether to include a GeoJSON {@code geo}
 * @param seed random seed, {@code -1} for random
 */
public record SampleDataQuery(
        String configId,
        Integer numLocations,
        Integer numPeriods,
        Integer numFeatures,
        PeriodType periodType,
        String geoType,
        Boolean includeGeo,
        Long seed) {

    /** Every parameter at the server's default. */
    public static final SampleDataQuery DEFAULTS = new SampleDataQuery(null, null, null, null, null, null, null, null);

    /**
     * A copy with the config id set.
     *
     * @param configId the config id
     * @return the new query
     */
    public SampleDataQuery withConfigId(String configId) {
        return new SampleDataQuery(
                configId, numLocations, numPeriods, numFeatures, periodType, geoType, includeGeo, seed);
    }

    /**
     * A copy with the size set.
     *
     * @param locations number of locations
     * @param periods number of periods
     * @return the new query
     */
    public SampleDataQuery withSize(int locations, int periods) {
        return new SampleDataQuery(configId, locations, periods, numFeatures, periodType, geoType, includeGeo, seed);
    }

    /**
     * A copy with geo included or not.
     *
     * @param include whether to include geo
     * @return the new query
     */
    public SampleDataQuery withGeo(boolean include) {
        return new SampleDataQuery(configId, numLocations, numPeriods, numFeatures, periodType, geoType, include, seed);
    }

    /**
     * A copy with a fixed seed.
     *
     * @param seed the seed
     * @return the new query
     */
    public SampleDataQuery withSeed(long seed) {
        return new SampleDataQuery(
                configId, numLocations, numPeriods, numFeatures, periodType, geoType, includeGeo, seed);
    }

    Map<String, Object> toQuery(String kind) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("kind", kind);
        query.put("config_id", configId);
        query.put("num_locations", numLocations);
        query.put("num_periods", numPeriods);
        query.put("num_features", numFeatures);
        query.put("period_type", periodType == null ? null : periodType.wireValue());
        query.put("geo_type", geoType);
        query.put("include_geo", includeGeo);
        query.put("seed", seed);
        return query;
    }
}
