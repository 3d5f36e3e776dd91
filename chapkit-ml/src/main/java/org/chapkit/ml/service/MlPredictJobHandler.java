package org.chapkit.ml.service;

import org.chapkit.job.JobContext;
import org.chapkit.job.JobHandler;
import org.chapkit.job.JobType;
import org.chapkit.ml.api.PredictRequest;

/** Runs {@link MlWorkflow#PREDICT_JOB} jobs: the payload is the {@code $predict} request body. */
public final class MlPredictJobHandler implements JobHandler<PredictRequest> {

    private final MlWorkflow workflow;

    /**
     * Creates the handler.
     *
     * @param workflow the ML workflow
     */
    public MlPredictJobHandler(MlWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public JobType<PredictRequest> jobType() {
        return MlWorkflow.PREDICT_JOB;
    }

    @Override
    public String run(PredictRequest payload, JobContext context) throws Exception {
        return workflow.predict(payload, MlTrainJobHandler.reserved(context), context);
    }
}
