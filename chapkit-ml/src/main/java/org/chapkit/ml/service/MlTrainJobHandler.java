package org.chapkit.ml.service;

import org.chapkit.job.JobContext;
import org.chapkit.job.JobHandler;
import org.chapkit.job.JobType;
import org.chapkit.ml.api.TrainRequest;

/** Runs {@link MlWorkflow#TRAIN_JOB} jobs: the payload is the {@code $train} request body. */
public final class MlTrainJobHandler implements JobHandler<TrainRequest> {

    private final MlWorkflow workflow;

    /**
     * Creates the handler.
     *
     * @param workflow the ML workflow
     */
    public MlTrainJobHandler(MlWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public JobType<TrainRequest> jobType() {
        return MlWorkflow.TRAIN_JOB;
    }

    @Override
    public String run(TrainRequest payload, JobContext context) throws Exception {
        return workflow.train(payload, reserved(context), context);
    }

    static String reserved(JobContext context) {
        String id = context.reservedArtifactId();
        if (id == null) {
            throw new IllegalStateException("Job " + context.jobId() + " has no pre-allocated artifact id");
        }
        return id;
    }
}
