package org.chapkit.ml.sample;

/**
 * Bounds on {@code $generate-sample-data}, checked before any data is generated so that a request for millions of
 * rows is a 400 instead of an instance busy for minutes or out of memory.
 *
 * @param maxLocations most {@code num_locations}
 * @param maxPeriods most {@code num_periods}
 * @param maxFeatures most {@code num_features}
 * @param maxRows most rows, {@code num_locations × num_periods}
 */
public record SampleDataLimits(int maxLocations, int maxPeriods, int maxFeatures, int maxRows) {

    /** The defaults: 1000 locations, 5000 periods, 100 features, 250 000 rows. */
    public static final SampleDataLimits DEFAULT = new SampleDataLimits(1000, 5000, 100, 250_000);

    /** Checks the bounds are positive. */
    public SampleDataLimits {
        if (maxLocations < 1 || maxPeriods < 1 || maxFeatures < 0 || maxRows < 1) {
            throw new IllegalArgumentException("Sample data limits must be positive");
        }
    }
}
