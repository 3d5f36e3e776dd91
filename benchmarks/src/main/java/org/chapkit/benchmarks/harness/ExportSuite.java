package org.chapkit.benchmarks.harness;

import java.util.List;

/**
 * Hook for metric 6 (artifact export MB/s and peak heap with {@code -Xmx256m}), owned by the data export work:
 * replace {@link #run} with a driver that returns these rows.
 */
public final class ExportSuite implements Suite {

    private static final List<Row> ROWS = List.of(
            Row.notMeasured("6. artifact export, -Xmx256m (MB/s)", "≥ 100 MB/s", "hook: ExportSuite"),
            Row.notMeasured("6. artifact export peak heap (MB)", "≤ 256 MB", "hook: ExportSuite"));

    @Override
    public String name() {
        return "export";
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
