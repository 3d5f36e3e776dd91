package org.chapkit.ml.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * Forecast metrics over a set of (samples, truth) pairs: MAE and RMSE of the samples' median, the CRPS estimated from
 * the samples ({@code E|X - y| - ½ E|X - X'|}, averaged), and the share of truths inside the central 50 % and 90 %
 * intervals of the samples (the 25–75 % and 5–95 % empirical quantiles, linear interpolation; bounds widened by a
 * relative 1e-9 so that rounding does not uncover an exact forecast).
 *
 * @param count how many pairs were scored
 * @param mae mean absolute error of the median
 * @param rmse root mean squared error of the median
 * @param crps mean continuous ranked probability score
 * @param coverage50 share of truths within the 50 % interval
 * @param coverage90 share of truths within the 90 % interval
 */
public record ForecastScores(
        @JsonProperty("count") int count,
        @JsonProperty("mae") double mae,
        @JsonProperty("rmse") double rmse,
        @JsonProperty("crps") double crps,
        @JsonProperty("coverage_50") double coverage50,
        @JsonProperty("coverage_90") double coverage90) {

    /** Sums scores pair by pair, then averages them. */
    public static final class Accumulator {
        private int count;
        private double absolute;
        private double squared;
        private double crps;
        private int inside50;
        private int inside90;

        /**
         * Scores one forecast against its truth.
         *
         * @param samples the predicted samples (at least one)
         * @param truth the observed value
         * @return this accumulator
         */
        public Accumulator add(double[] samples, double truth) {
            if (samples.length == 0) {
                throw new IllegalArgumentException("a forecast needs at least one sample");
            }
            double[] sorted = samples.clone();
            Arrays.sort(sorted);
            double median = quantile(sorted, 0.5);
            absolute += Math.abs(median - truth);
            squared += (median - truth) * (median - truth);
            crps += crps(sorted, truth);
            // a relative tolerance of 1e-9: a model that forecasts the truth exactly up to rounding covers it
            double tolerance = 1e-9 * Math.max(1.0, Math.abs(truth));
            if (quantile(sorted, 0.25) - tolerance <= truth && truth <= quantile(sorted, 0.75) + tolerance) {
                inside50++;
            }
            if (quantile(sorted, 0.05) - tolerance <= truth && truth <= quantile(sorted, 0.95) + tolerance) {
                inside90++;
            }
            count++;
            return this;
        }

        /**
         * Adds another accumulator's pairs.
         *
         * @param other the other accumulator
         * @return this accumulator
         */
        public Accumulator addAll(Accumulator other) {
            count += other.count;
            absolute += other.absolute;
            squared += other.squared;
            crps += other.crps;
            inside50 += other.inside50;
            inside90 += other.inside90;
            return this;
        }

        /**
         * The averages.
         *
         * @return the scores (all zero when nothing was added)
         */
        public ForecastScores scores() {
            if (count == 0) {
                return new ForecastScores(0, 0, 0, 0, 0, 0);
            }
            return new ForecastScores(
                    count,
                    absolute / count,
                    Math.sqrt(squared / count),
                    crps / count,
                    inside50 / (double) count,
                    inside90 / (double) count);
        }
    }

    /** The empirical quantile of sorted samples, linearly interpolated (numpy's default). */
    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /**
     * The sample CRPS {@code mean|x_i - y| - (1 / 2n²) Σ|x_i - x_j|}, in O(n log n) from the sorted samples
     * ({@code Σ_{i,j}|x_i - x_j| = 2 Σ_i (2i - n + 1) x_(i)} for 0-based ranks).
     */
    static double crps(double[] sorted, double truth) {
        int n = sorted.length;
        double toTruth = 0;
        double spread = 0;
        for (int i = 0; i < n; i++) {
            toTruth += Math.abs(sorted[i] - truth);
            spread += (2.0 * i - n + 1) * sorted[i];
        }
        return toTruth / n - spread / ((double) n * n);
    }
}
