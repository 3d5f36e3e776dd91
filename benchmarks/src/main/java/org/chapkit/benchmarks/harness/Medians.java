package org.chapkit.benchmarks.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The median, the figure every row reports (several runs on a noisy machine). */
public final class Medians {

    private Medians() {}

    /** The median of the values (the mean of the middle two for an even count). */
    public static double of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("No values");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
