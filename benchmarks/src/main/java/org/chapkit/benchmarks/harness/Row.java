package org.chapkit.benchmarks.harness;

import java.util.Locale;

/**
 * One line of the results table.
 *
 * @param metric what was measured, with its unit
 * @param ours our figure, {@code null} when not measured
 * @param baseline the baseline's figure from the same run, {@code null} when there is none
 * @param target the goal from the issue, as text ({@code "≥ 0.7×"}), or empty
 * @param met whether the target is reached, {@code null} when it cannot be judged
 * @param note how the figures were obtained, or why they are missing
 */
public record Row(String metric, Double ours, Double baseline, String target, Boolean met, String note) {

    /** A row a colleague's benchmark has not filled in yet. */
    public static Row notMeasured(String metric, String target, String note) {
        return new Row(metric, null, null, target, null, note);
    }

    /** Ours divided by the baseline, or NaN without both. */
    public double ratio() {
        return ours == null || baseline == null || baseline == 0 ? Double.NaN : ours / baseline;
    }

    String oursText() {
        return ours == null ? "not measured yet" : number(ours);
    }

    String baselineText() {
        return baseline == null ? "—" : number(baseline);
    }

    String ratioText() {
        return Double.isNaN(ratio()) ? "—" : String.format(Locale.ROOT, "%.2f×", ratio());
    }

    String targetText() {
        String verdict = met == null ? "" : met ? " ✔" : " ✘";
        return (target.isEmpty() ? "—" : target) + verdict;
    }

    static String number(double value) {
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
