package org.chapkit.ml.service;

import org.chapkit.job.JobContext;
import org.chapkit.job.JobHandler;
import org.chapkit.ml.api.PredictRequest;

/** Runs {@value MlWorkflow#PREDICT_JOB} jobs: the payload is the {@code $predict} request body. */
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
    public String type() {
        return MlWorkflow.PREDICT_JOB;
    }

    @Override
    public Class<PredictRequest> payloadType() {
        return PredictRequest.class;
    }

    @Override
    public String run(PredictRequest payload, JobContext context) throws Exception {
        return workflow.predict(payload, MlTrainJobHandler.reserved(context), context);
    }
}
