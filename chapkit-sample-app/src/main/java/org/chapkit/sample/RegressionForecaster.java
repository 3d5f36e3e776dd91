package org.chapkit.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.chapkit.info.ServiceInfo;
import org.chapkit.job.JobContext;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.runner.Future;
import org.chapkit.ml.runner.Historic;
import org.chapkit.ml.runner.Predict;
import org.chapkit.ml.runner.Train;
import org.chapkit.ml.runner.ValidateTrain;
import org.chapkit.ml.runner.ValidationDiagnostic;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The sample model, an annotated runner: for each location an ordinary least squares regression (Apache Commons
 * Math) of {@code disease_cases} on the climate covariates and the last {@code lags} case counts. Predictions roll
 * the lags forward period by period and emit {@code n_samples} residual-bootstrap samples ({@code sample_0 …}), as
 * chap-core expects. Not active with the {@code shell} profile, which runs the Python scripts instead.
 */
@Component
@Profile("!shell")
public class RegressionForecaster {

    private final List<String> requiredCovariates;

    /**
     * Creates the model.
     *
     * @param info the service info, whose required covariates are the regressors
     */
    public RegressionForecaster(ServiceInfo info) {
        this.requiredCovariates = info.requiredCovariates();
    }

    /**
     * Fits one regression per location.
     *
     * @param config the config
     * @param data the training data
     * @param job the running job, for progress and its run log (the training RMSE per fitted location)
     * @return the model
     */
    @Train
    public RegressionModel train(ForecastConfig config, DataFrame data, JobContext job) {
        List<String> covariates = covariates(config);
        Map<String, List<Row>> byLocation = rowsByLocation(data, covariates);
        Map<String, RegressionModel.LocationFit> fits = new LinkedHashMap<>();
        int done = 0;
        double squares = 0;
        int residualCount = 0;
        job.runLog().param("locations", Integer.toString(byLocation.size()));
        for (Map.Entry<String, List<Row>> location : byLocation.entrySet()) {
            job.throwIfCancelled();
            RegressionModel.LocationFit fit = fit(location.getValue(), covariates.size(), config.lags());
            fits.put(location.getKey(), fit);
            for (double residual : fit.residuals()) {
                squares += residual * residual;
                residualCount++;
            }
            // the training RMSE so far, one step per fitted location: a metric with a history
            job.runLog().metric("train_rmse", residualCount == 0 ? 0 : Math.sqrt(squares / residualCount), done);
            job.reportProgress(++done / (double) byLocation.size(), "fitted " + location.getKey());
        }
        return new RegressionModel(covariates, config.lags(), fits);
    }

    /**
     * Forecasts the future periods of every location.
     *
     * @param config the config
     * @param model the trained model
     * @param historic the recent history (its last cases start the lags)
     * @param future the periods to predict
     * @return {@code time_period}, {@code location} and {@code sample_0 … sample_<n-1>}
     */
    @Predict
    public DataFrame predict(
            ForecastConfig config, RegressionModel model, @Historic DataFrame historic, @Future DataFrame future) {
        Map<String, List<Row>> recent = rowsByLocation(historic, List.of());
        Map<String, List<Row>> ahead = rowsByLocation(future, model.covariates());
        Random random = new Random(config.seed());
        Map<Integer, List<Object>> output = new LinkedHashMap<>();
        for (Map.Entry<String, List<Row>> location : ahead.entrySet()) {
            RegressionModel.LocationFit fit = model.locations().get(location.getKey());
            if (fit == null) {
                throw new IllegalArgumentException("No trained regression for location " + location.getKey());
            }
            List<Double> lags = new ArrayList<>(fit.recentCases());
            for (Row row : recent.getOrDefault(location.getKey(), List.of())) {
                if (row.cases() != null) {
                    lags.add(row.cases());
                }
            }
            for (Row row : location.getValue()) {
                double mean = fit.coefficients().get(0);
                for (int i = 0; i < model.covariates().size(); i++) {
                    mean += fit.coefficients().get(1 + i) * row.covariate(i);
                }
                for (int lag = 1; lag <= model.lags(); lag++) {
                    double value = lags.size() >= lag ? lags.get(lags.size() - lag) : 0.0;
                    mean += fit.coefficients().get(model.covariates().size() + lag) * value;
                }
                lags.add(Math.max(0.0, mean));
                List<Object> cells = new ArrayList<>();
                cells.add(row.period());
                cells.add(location.getKey());
                for (int sample = 0; sample < config.nSamples(); sample++) {
                    double residual = fit.residuals().isEmpty()
                            ? 0.0
                            : fit.residuals().get(random.nextInt(fit.residuals().size()));
                    cells.add(Math.max(0.0, mean + residual));
                }
                output.put(row.index(), cells);
            }
        }
        List<String> columns = new ArrayList<>(List.of("time_period", "location"));
        for (int sample = 0; sample < config.nSamples(); sample++) {
            columns.add("sample_" + sample);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int index = 0; index < future.size(); index++) {
            rows.add(output.get(index));
        }
        return DataFrame.of(columns, rows);
    }

    /**
     * Checks that the training data has the regressors.
     *
     * @param config the config
     * @param data the training data
     * @return a {@code missing_covariate} error per absent column
     */
    @ValidateTrain
    public List<ValidationDiagnostic> validateTrain(ForecastConfig config, DataFrame data) {
        List<ValidationDiagnostic> diagnostics = new ArrayList<>();
        for (String column : covariates(config)) {
            if (!data.columns().contains(column)) {
                diagnostics.add(ValidationDiagnostic.error(
                        "missing_covariate", "Training data has no column " + column, "data." + column));
            }
        }
        return diagnostics;
    }

    private List<String> covariates(ForecastConfig config) {
        List<String> covariates = new ArrayList<>(requiredCovariates);
        config.additionalContinuousCovariates().stream()
                .filter(c -> !covariates.contains(c))
                .forEach(covariates::add);
        return covariates;
    }

    private static RegressionModel.LocationFit fit(List<Row> rows, int covariateCount, int lags) {
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int t = 0; t < rows.size(); t++) {
            Row row = rows.get(t);
            if (row.cases() == null || row.hasMissingCovariate() || t < lags) {
                continue;
            }
            double[] x = new double[covariateCount + lags];
            boolean complete = true;
            for (int i = 0; i < covariateCount; i++) {
                x[i] = row.covariate(i);
            }
            for (int lag = 1; lag <= lags; lag++) {
                Double previous = rows.get(t - lag).cases();
                complete &= previous != null;
                x[covariateCount + lag - 1] = previous == null ? 0.0 : previous;
            }
            if (complete) {
                xs.add(x);
                ys.add(row.cases());
            }
        }
        List<Double> observed =
                rows.stream().map(Row::cases).filter(c -> c != null).toList();
        List<Double> recent = observed.subList(Math.max(0, observed.size() - lags), observed.size());
        int parameters = covariateCount + lags + 1;
        if (ys.size() > parameters) {
            double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.newSampleData(y, xs.toArray(double[][]::new));
            try {
                return new RegressionModel.LocationFit(
                        boxed(ols.estimateRegressionParameters()), boxed(ols.estimateResiduals()), recent);
            } catch (SingularMatrixException ex) {
                // Collinear regressors (e.g. a constant covariate): fall through to the mean model below.
            }
        }
        return meanFit(observed, parameters, recent);
    }

    private static RegressionModel.LocationFit meanFit(List<Double> observed, int parameters, List<Double> recent) {
        double mean =
                observed.stream().mapToDouble(Double::doubleValue).average().orElse(0.0);
        List<Double> coefficients = new ArrayList<>(Collections.nCopies(parameters, 0.0));
        coefficients.set(0, mean);
        return new RegressionModel.LocationFit(
                coefficients, observed.stream().map(c -> c - mean).toList(), recent);
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(value);
        }
        return list;
    }

    private static Map<String, List<Row>> rowsByLocation(DataFrame frame, List<String> covariates) {
        List<Object> periods = frame.column("time_period");
        List<Object> locations = frame.column("location");
        List<Object> cases = frame.columns().contains("disease_cases")
                ? frame.column("disease_cases")
                : Collections.nCopies(frame.size(), null);
        List<List<Object>> covariateValues = new ArrayList<>();
        for (String covariate : covariates) {
            covariateValues.add(frame.column(covariate));
        }
        Map<String, List<Row>> byLocation = new LinkedHashMap<>();
        for (int i = 0; i < frame.size(); i++) {
            Double[] values = new Double[covariates.size()];
            for (int c = 0; c < covariates.size(); c++) {
                values[c] = number(covariateValues.get(c).get(i));
            }
            byLocation
                    .computeIfAbsent(String.valueOf(locations.get(i)), key -> new ArrayList<>())
                    .add(new Row(i, String.valueOf(periods.get(i)), number(cases.get(i)), values));
        }
        byLocation.values().forEach(rows -> rows.sort(Comparator.comparing(Row::period)));
        return byLocation;
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    /** One input row of a location. */
    private record Row(int index, String period, Double cases, Double[] covariates) {

        double covariate(int i) {
            return covariates[i] == null ? 0.0 : covariates[i];
        }

        boolean hasMissingCovariate() {
            for (Double value : covariates) {
                if (value == null) {
                    return true;
                }
            }
            return false;
        }
    }
}
