package org.chapkit.ml.service;

import java.util.Objects;
import java.util.Optional;
import org.chapkit.job.JobContext;
import org.chapkit.job.JobHandler;
import org.chapkit.job.JobInputs;
import org.chapkit.job.JobType;
import org.chapkit.ml.evaluation.BacktestRequest;

/**
 * Runs {@link MlWorkflow#BACKTEST_JOB} jobs: the {@code $backtest} request is the job's stored input, read once here
 * and deleted in the transaction that stores the evaluation artifact (or when the job fails).
 */
public final class MlBacktestJobHandler implements JobHandler<MlJobPayload> {

    private final MlWorkflow workflow;
    private final JobInputs inputs;

    /**
     * Creates the handler.
     *
     * @param workflow the ML workflow
     * @param inputs where the requests of ML jobs are stored
     */
    public MlBacktestJobHandler(MlWorkflow workflow, JobInputs inputs) {
        this.workflow = Objects.requireNonNull(workflow, "workflow");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
    }

    @Override
    public JobType<MlJobPayload> jobType() {
        return MlWorkflow.BACKTEST_JOB;
    }

    @Override
    public String run(MlJobPayload payload, JobContext context) throws Exception {
        BacktestRequest request = MlTrainJobHandler.input(inputs, context, BacktestRequest.class, Optional.empty());
        return MlTrainJobHandler.deletingInputOnFailure(
                inputs,
                context,
                () -> workflow.backtest(
                        request, MlTrainJobHandler.reserved(context), context, () -> inputs.delete(context.jobId())));
    }
}
