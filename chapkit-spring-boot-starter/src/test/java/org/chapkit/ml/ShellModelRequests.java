package org.chapkit.ml;

/**
 * Small {@code $train} and {@code $predict} request bodies for the test service's shell model (one location, two
 * periods of history, two to predict), for tests that need a training and a prediction rather than test them.
 */
public final class ShellModelRequests {

    private ShellModelRequests() {}

    /** A config body named {@code name} that predicts two periods. */
    public static String config(String name) {
        return """
                {"name":"%s","data":{"prediction_periods":2}}""".formatted(name);
    }

    /** A {@code $train} body for the config {@code configId}. */
    public static String train(String configId) {
        return """
                {"config_id":"%s","data":{"columns":["time_period","location","disease_cases"],
                 "data":[["2020-01","loc_a",10],["2020-02","loc_a",14]]}}""".formatted(configId);
    }

    /** A {@code $predict} body for the training artifact {@code trainingId}. */
    public static String predict(String trainingId) {
        return """
                {"artifact_id":"%s",
                 "historic":{"columns":["time_period","location","disease_cases"],
                  "data":[["2020-01","loc_a",10],["2020-02","loc_a",14]]},
                 "future":{"columns":["time_period","location"],"data":[["2020-03","loc_a"],["2020-04","loc_a"]]}}""".formatted(trainingId);
    }
}
