package org.chapkit.ml.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.chapkit.ml.data.DataFrame;

/**
 * Rolling-origin splits of a dataset and the scoring of a split's predictions against its truth. Periods are ordered
 * as strings (chap-core's {@code 2020-01} / {@code 2020W01} periods sort in time order); split {@code k} of
 * {@code n} trains on every period before the last {@code (n - k + 1) × horizon} and predicts the {@code horizon}
 * periods after them, so the last split predicts the dataset's last periods.
 */
public final class Backtest {

    /** The column forecasts are scored on. */
    public static final String TARGET = "disease_cases";

    private Backtest() {}

    /**
     * One split: what to train on, what to predict (the target emptied), and the truth.
     *
     * @param number the split's number, from 1
     * @param train the rows before the origin
     * @param future the rows to predict, {@code disease_cases} set to null
     * @param truth the same rows as they are
     * @param trainUntil the last period of {@code train}
     * @param periods the periods of {@code future}
     */
    public record Split(
            int number, DataFrame train, DataFrame future, DataFrame truth, String trainUntil, List<String> periods) {}

    /**
     * Plans the splits.
     *
     * @param data the dataset, with {@code time_period} and {@code disease_cases}
     * @param splits how many origins
     * @param horizon periods per origin
     * @return the splits, in time order
     * @throws IllegalArgumentException when a column is missing or there are too few periods (the first split must
     *     have at least one period to train on)
     */
    public static List<Split> plan(DataFrame data, int splits, int horizon) {
        if (splits < 1 || horizon < 1) {
            throw new IllegalArgumentException("splits and horizon must be at least 1");
        }
        int periodColumn = data.columns().indexOf("time_period");
        int targetColumn = data.columns().indexOf(TARGET);
        if (periodColumn < 0 || targetColumn < 0) {
            throw new IllegalArgumentException("A backtest needs time_period and " + TARGET + " columns");
        }
        List<String> periods = new ArrayList<>(new TreeSet<>(
                data.column("time_period").stream().map(String::valueOf).toList()));
        int needed = splits * horizon + 1;
        if (periods.size() < needed) {
            throw new IllegalArgumentException(splits + " splits of " + horizon + " periods need at least " + needed
                    + " periods, the data has " + periods.size());
        }
        List<Split> plan = new ArrayList<>();
        for (int k = 1; k <= splits; k++) {
            int origin = periods.size() - (splits - k + 1) * horizon;
            String trainUntil = periods.get(origin - 1);
            List<String> ahead = periods.subList(origin, origin + horizon);
            List<List<Object>> train = new ArrayList<>();
            List<List<Object>> future = new ArrayList<>();
            List<List<Object>> truth = new ArrayList<>();
            for (List<Object> row : data.rows()) {
                String period = String.valueOf(row.get(periodColumn));
                if (period.compareTo(trainUntil) <= 0) {
                    train.add(row);
                } else if (ahead.contains(period)) {
                    truth.add(row);
                    List<Object> hidden = new ArrayList<>(row);
                    hidden.set(targetColumn, null);
                    future.add(hidden);
                }
            }
            plan.add(new Split(
                    k,
                    DataFrame.of(data.columns(), train),
                    DataFrame.of(data.columns(), future),
                    DataFrame.of(data.columns(), truth),
                    trainUntil,
                    List.copyOf(ahead)));
        }
        return plan;
    }

    /**
     * Scores predictions ({@code time_period}, {@code location}, {@code sample_*}) against the truth, matched by
     * period and location; truths without a number are skipped.
     *
     * @param predictions the runner's predictions
     * @param truth the split's truth
     * @return the accumulated scores
     * @throws IllegalArgumentException when a truth row has no prediction, or the predictions have no samples
     */
    public static ForecastScores.Accumulator score(DataFrame predictions, DataFrame truth) {
        List<Integer> sampleColumns = new ArrayList<>();
        for (int i = 0; i < predictions.columns().size(); i++) {
            if (predictions.columns().get(i).startsWith("sample_")) {
                sampleColumns.add(i);
            }
        }
        if (sampleColumns.isEmpty()) {
            throw new IllegalArgumentException("The predictions have no sample_* columns to score");
        }
        int periodColumn = predictions.columns().indexOf("time_period");
        int locationColumn = predictions.columns().indexOf("location");
        Map<String, double[]> forecasts = new HashMap<>();
        for (List<Object> row : predictions.rows()) {
            double[] samples = new double[sampleColumns.size()];
            for (int s = 0; s < samples.length; s++) {
                samples[s] = ((Number) row.get(sampleColumns.get(s))).doubleValue();
            }
            forecasts.put(key(row, periodColumn, locationColumn), samples);
        }
        int truthPeriod = truth.columns().indexOf("time_period");
        int truthLocation = truth.columns().indexOf("location");
        int target = truth.columns().indexOf(TARGET);
        ForecastScores.Accumulator scores = new ForecastScores.Accumulator();
        for (List<Object> row : truth.rows()) {
            if (!(row.get(target) instanceof Number observed)) {
                continue;
            }
            String key = key(row, truthPeriod, truthLocation);
            double[] samples = forecasts.get(key);
            if (samples == null) {
                throw new IllegalArgumentException("No prediction for " + key);
            }
            scores.add(samples, observed.doubleValue());
        }
        return scores;
    }

    private static String key(List<Object> row, int period, int location) {
        return row.get(period) + " @ " + (location < 0 ? "" : String.valueOf(row.get(location)));
    }
}
