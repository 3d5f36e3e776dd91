package org.chapkit.autoconfigure.diagnostics;

import org.chapkit.ml.runner.RunnerDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/** Reports a {@code @Train}/{@code @Predict} method chapkit cannot call: a parameter it cannot inject, a bad return. */
final class RunnerDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<RunnerDefinitionException> {

    private final Environment environment;

    RunnerDefinitionFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RunnerDefinitionException cause) {
        String message = cause.getMessage();
        String configType = environment == null ? null : environment.getProperty("chapkit.config.type");
        String action;
        if (message.startsWith("Cannot inject")) {
            action = "Change that parameter of the runner method to a type chapkit injects: the config record"
                    + " (chapkit.config.type, now "
                    + (configType == null || configType.isBlank() ? "not set" : "'" + configType + "'")
                    + "), the data as DataFrame or Table (@Historic/@Future on predict), the trained model"
                    + " (predict only), FeatureCollection, RunContext or Cancellation, or contribute an"
                    + " InjectionResolver bean for your own type. If the parameter is your config record, set"
                    + " chapkit.config.type to its fully qualified name.";
        } else {
            action = "Fix the runner method named above (see docs/ml.md): @Train returns the trained model,"
                    + " @Predict returns a DataFrame or Table, @ValidateTrain/@ValidatePredict return"
                    + " List<ValidationDiagnostic>, and each annotation appears on one method only.";
        }
        return new FailureAnalysis("The model runner cannot be set up: " + message + ".", action, cause);
    }
}
