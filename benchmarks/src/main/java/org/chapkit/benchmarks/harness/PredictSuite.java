package org.chapkit.benchmarks.harness;

import java.util.List;

/**
 * Hook for metric 4 ({@code $predict} POST → completed p50/p99 for the sample model), owned by the ML REST work:
 * replace {@link #run} with a driver that returns these rows.
 */
public final class PredictSuite implements Suite {

    private static final List<Row> ROWS = List.of(
            Row.notMeasured("4. $predict POST → completed p50 (ms)", "≤ 50 ms", "hook: PredictSuite"),
            Row.notMeasured("4. $predict POST → completed p99 (ms)", "", "hook: PredictSuite"));

    @Override
    public String name() {
        return "predict";
    }

    @Override
    public List<Row> placeholders() {
        return ROWS;
    }

    @Override
    public List<Row> run(HarnessContext context) {
        return ROWS;
    }
}
