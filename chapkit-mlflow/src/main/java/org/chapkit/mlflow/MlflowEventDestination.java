package org.chapkit.mlflow;

import java.util.Objects;
import java.util.Set;
import org.chapkit.event.EventDestination;
import org.chapkit.event.EventEnvelope;
import org.chapkit.job.JobCancelled;
import org.chapkit.job.JobCompleted;
import org.chapkit.job.JobFailed;
import org.chapkit.ml.service.MlWorkflow;
import org.chapkit.mlflow.MlflowExports.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event destination {@value #NAME}: takes the terminal events of training jobs ({@code ml.train} completed,
 * failed or cancelled) and exports each training with a {@link TrainingExporter}. It runs on the outbox's delivery
 * thread after the job's completion has committed, so a training never waits for MLflow: while MLflow is down or slow
 * the events wait in the outbox and are retried with the outbox's backoff ({@code chapkit.events.delivery.*}).
 * MLflow answers that a retry cannot change (an invalid request) drop that training's export, counted as {@code
 * failed}, so that one bad training does not hold back the ones after it.
 */
public final class MlflowEventDestination implements EventDestination {

    /** The destination's name: it keys the delivery state and tags the {@code chapkit.events.*} meters. */
    public static final String NAME = "mlflow";

    private static final Logger log = LoggerFactory.getLogger(MlflowEventDestination.class);
    private static final Set<String> TERMINAL = Set.of(JobCompleted.TYPE, JobFailed.TYPE, JobCancelled.TYPE);

    private final TrainingExporter exporter;
    private final MlflowExports exports;

    /**
     * Creates the destination.
     *
     * @param exporter what exports one training
     * @param exports the state the health contributor and meters show
     */
    public MlflowEventDestination(TrainingExporter exporter, MlflowExports exports) {
        this.exporter = Objects.requireNonNull(exporter, "exporter");
        this.exports = Objects.requireNonNull(exports, "exports");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(EventEnvelope event) {
        return TERMINAL.contains(event.type())
                && MlWorkflow.TRAIN_JOB
                        .name()
                        .equals(event.data().path("job_type").asString(null));
    }

    @Override
    public void deliver(EventEnvelope event) {
        String jobId = event.data().path("job_id").asString();
        try {
            TrainingExporter.Result result = exporter.export(jobId);
            exports.ended(jobId, result.runId(), result.outcome());
        } catch (MlflowException ex) {
            exports.attemptFailed(jobId, ex.getMessage());
            if (ex.retryable()) {
                throw ex;
            }
            log.error("MLflow rejected the export of training job {}; it is dropped: {}", jobId, ex.getMessage());
            exports.ended(jobId, null, Outcome.FAILED);
        } catch (RuntimeException ex) {
            exports.attemptFailed(jobId, ex.toString());
            throw ex;
        }
    }
}
