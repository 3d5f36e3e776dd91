package org.chapkit.ml.service;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.chapkit.job.JobContext;
import org.chapkit.job.JobHandler;
import org.chapkit.job.JobInputs;
import org.chapkit.job.JobType;
import org.chapkit.ml.api.TrainRequest;

/**
 * Runs {@link MlWorkflow#TRAIN_JOB} jobs: the payload names the config, the {@code $train} request is the job's
 * stored input, read once here and deleted in the transaction that stores the training artifact (or when the job
 * fails).
 */
public final class MlTrainJobHandler implements JobHandler<MlJobPayload> {

    private final MlWorkflow workflow;
    private final JobInputs inputs;

    /**
     * Creates the handler.
     *
     * @param workflow the ML workflow
     * @param inputs where the requests of ML jobs are stored
     */
    public MlTrainJobHandler(MlWorkflow workflow, JobInputs inputs) {
        this.workflow = Objects.requireNonNull(workflow, "workflow");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
    }

    @Override
    public JobType<MlJobPayload> jobType() {
        return MlWorkflow.TRAIN_JOB;
    }

    @Override
    public String run(MlJobPayload payload, JobContext context) throws Exception {
        TrainRequest stored = input(inputs, context, TrainRequest.class, payload.legacyTrainRequest());
        TrainRequest request = new TrainRequest(payload.configId(), stored.data(), stored.geo(), stored.model());
        return deletingInputOnFailure(
                inputs,
                context,
                () -> workflow.train(request, reserved(context), context, () -> inputs.delete(context.jobId())));
    }

    static String reserved(JobContext context) {
        String id = context.reservedArtifactId();
        if (id == null) {
            throw new IllegalStateException("Job " + context.jobId() + " has no pre-allocated artifact id");
        }
        return id;
    }

    /**
     * The request stored with the job, or the one a job queued before job inputs existed carries in its payload; a job
     * with neither (its input deleted by hand) cannot run.
     */
    static <T> T input(JobInputs inputs, JobContext context, Class<T> type, Optional<T> legacy) {
        return inputs.read(context.jobId(), type)
                .or(() -> legacy)
                .orElseThrow(() -> new IllegalStateException("Job " + context.jobId() + " has no stored input"));
    }

    /**
     * Runs the work; when it fails, the input goes too. ML jobs are not idempotent, so a failed, cancelled or
     * interrupted attempt is final and nothing will read the input again.
     */
    static String deletingInputOnFailure(JobInputs inputs, JobContext context, Callable<String> work) throws Exception {
        return deletingInputOnFailure(inputs, context, false, work);
    }

    /**
     * Like {@link #deletingInputOnFailure(JobInputs, JobContext, Callable)}; with {@code keepWhenStopped}, an attempt
     * stopped from outside (shutdown, or its instance fenced: an idempotent job that runs again; or cancelled: the
     * record goes, and the input with it) keeps the input.
     */
    static String deletingInputOnFailure(
            JobInputs inputs, JobContext context, boolean keepWhenStopped, Callable<String> work) throws Exception {
        try {
            return work.call();
        } catch (Exception | Error ex) {
            if (keepWhenStopped && context.isCancelled()) {
                throw ex;
            }
            try {
                inputs.delete(context.jobId());
            } catch (RuntimeException cleanup) {
                ex.addSuppressed(cleanup);
            }
            throw ex;
        }
    }
}
