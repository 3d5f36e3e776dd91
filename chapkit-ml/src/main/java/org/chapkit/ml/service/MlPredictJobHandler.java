package org.chapkit.ml.service;

import java.util.List;
import java.util.Objects;
import org.chapkit.job.JobContext;
import org.chapkit.job.JobHandler;
import org.chapkit.job.JobInputs;
import org.chapkit.job.JobType;
import org.chapkit.ml.api.PredictRequest;

/**
 * Runs {@link MlWorkflow#PREDICT_JOB} jobs: the payload names the training artifact, the {@code $predict} request
 * (historic, future, geo) is the job's stored input, read once here and deleted in the transaction that stores the
 * prediction (or when the job fails). Predictions are {@link #idempotent() idempotent}: an attempt cut short (its
 * instance died or shut down) is re-queued and runs again from the stored input, which a stopped attempt keeps.
 */
public final class MlPredictJobHandler implements JobHandler<MlJobPayload> {

    private final MlWorkflow workflow;
    private final JobInputs inputs;

    /**
     * Creates the handler.
     *
     * @param workflow the ML workflow
     * @param inputs where the requests of ML jobs are stored
     */
    public MlPredictJobHandler(MlWorkflow workflow, JobInputs inputs) {
        this.workflow = Objects.requireNonNull(workflow, "workflow");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
    }

    @Override
    public JobType<MlJobPayload> jobType() {
        return MlWorkflow.PREDICT_JOB;
    }

    /** A prediction writes nothing before the transaction that stores it: running it again is safe. */
    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public String run(MlJobPayload payload, JobContext context) throws Exception {
        PredictRequest stored =
                MlTrainJobHandler.input(inputs, context, PredictRequest.class, payload.legacyPredictRequest());
        PredictRequest request =
                new PredictRequest(payload.artifactId(), stored.historic(), stored.future(), stored.geo());
        return MlTrainJobHandler.deletingInputOnFailure(
                inputs,
                context,
                true,
                () -> workflow.predict(
                        request,
                        MlTrainJobHandler.reserved(context),
                        context,
                        payload.tags() == null ? List.of() : payload.tags(),
                        () -> inputs.delete(context.jobId())));
    }
}
