package org.chapkit.autoconfigure.mlflow;

import org.chapkit.mlflow.MlflowExports;
import org.chapkit.mlflow.MlflowExports.Outcome;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code mlflow} health contributor. Always UP, as {@code events} is: MLflow down must not take the service out
 * of a load balancer (trainings go on; their exports wait in the outbox). The details show the tracking server, the
 * experiment, the exports by outcome, the last export, and the last error with since when exports fail.
 */
final class MlflowHealthIndicator implements HealthIndicator {

    private final MlflowExports exports;
    private final String trackingUri;
    private final String experiment;

    MlflowHealthIndicator(MlflowExports exports, String trackingUri, String experiment) {
        this.exports = exports;
        this.trackingUri = trackingUri;
        this.experiment = experiment;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up()
                .withDetail("tracking_uri", trackingUri)
                .withDetail("experiment", experiment)
                .withDetail("exported", exports.count(Outcome.EXPORTED))
                .withDetail("skipped", exports.count(Outcome.SKIPPED))
                .withDetail("failed", exports.count(Outcome.FAILED));
        MlflowExports.Export last = exports.lastExport();
        if (last != null) {
            health.withDetail(
                    "last_export",
                    last.outcome().name().toLowerCase(java.util.Locale.ROOT) + " job " + last.jobId()
                            + (last.runId() == null ? "" : " as run " + last.runId()) + " at " + last.at());
        }
        MlflowExports.Failure error = exports.lastError();
        if (error != null) {
            health.withDetail("last_error", error.message() + " (job " + error.jobId() + ", at " + error.at() + ")");
        }
        if (exports.failingSince() != null) {
            health.withDetail("failing_since", exports.failingSince().toString());
        }
        return health.build();
    }
}
