package org.chapkit.sample;

import java.util.List;
import java.util.Map;

/**
 * The trained sample model, stored as JSON in the training artifact: one regression per location.
 *
 * @param covariates the covariate columns, in coefficient order (after the intercept, before the lags)
 * @param lags the number of lagged {@code disease_cases} regressors
 * @param locations the regression of each location
 */
public record RegressionModel(List<String> covariates, int lags, Map<String, LocationFit> locations) {

    /**
     * One location's regression.
     *
     * @param coefficients intercept, then one per covariate, then one per lag
     * @param residuals the training residuals, resampled for the prediction samples
     * @param recentCases the last {@code lags} observed cases, oldest first, to start the lags of a forecast
     */
    public record LocationFit(List<Double> coefficients, List<Double> residuals, List<Double> recentCases) {}
}
