package __PACKAGE__;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chapkit.ml.data.DataFrame;

/**
 * The trained model: the mean of {@code disease_cases} per location. Stored in the training artifact as JSON.
 *
 * @param byLocation mean cases per location
 */
public record Means(Map<String, Double> byLocation) {

    /** Fits the means of a training frame. */
    public static Means of(DataFrame data) {
        List<Object> locations = data.column("location");
        List<Object> cases = data.column("disease_cases");
        Map<String, double[]> sums = new HashMap<>();
        for (int i = 0; i < locations.size(); i++) {
            if (cases.get(i) instanceof Number value) {
                double[] sum = sums.computeIfAbsent(String.valueOf(locations.get(i)), key -> new double[2]);
                sum[0] += value.doubleValue();
                sum[1]++;
            }
        }
        Map<String, Double> means = new HashMap<>();
        sums.forEach((location, sum) -> means.put(location, sum[0] / sum[1]));
        return new Means(means);
    }

    /** One row per future row: {@code time_period}, {@code location} and {@code samples} sample columns. */
    public DataFrame predict(DataFrame future, int samples) {
        List<String> columns = new ArrayList<>(List.of("time_period", "location"));
        for (int s = 0; s < samples; s++) {
            columns.add("sample_" + s);
        }
        List<Object> periods = future.column("time_period");
        List<Object> locations = future.column("location");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            double mean = byLocation.getOrDefault(String.valueOf(locations.get(i)), 0.0);
            List<Object> row = new ArrayList<>(List.of(periods.get(i), locations.get(i)));
            for (int s = 0; s < samples; s++) {
                row.add(mean * (0.9 + 0.2 * s / Math.max(1, samples - 1)));
            }
            rows.add(row);
        }
        return DataFrame.of(columns, rows);
    }
}
