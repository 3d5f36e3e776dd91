package org.chapkit.job;

import io.micrometer.observation.Observation;
import java.time.Duration;
import java.time.Instant;

/** Creates the job system's observations (see {@link JobTracing}); low-cardinality key: the job type. */
final class JobObservations {

    /** Name of the observation around a submit. */
    static final String SUBMIT = "chapkit.job.submit";

    /** Name of the observation around one attempt of a job. */
    static final String RUN = "chapkit.job.run";

    private final JobTracing tracing;

    JobObservations(JobTracing tracing) {
        this.tracing = tracing;
    }

    Observation submit(String jobId, String type) {
        JobSubmitObservationContext context = new JobSubmitObservationContext(jobId, type);
        return Observation.createNotStarted(SUBMIT, () -> context, tracing.registry())
                .contextualName("job submit " + type)
                .lowCardinalityKeyValue("job.type", type)
                .highCardinalityKeyValue("job.id", jobId);
    }

    /** The trace context a started submit observation handed to the job, or null. */
    static String traceparent(Observation submit) {
        return submit.getContext() instanceof JobSubmitObservationContext context ? context.traceparent() : null;
    }

    Observation attempt(String jobId, JobStore.Claimed claimed, Instant started) {
        boolean late = claimed.submittedAt() != null
                && Duration.between(claimed.submittedAt(), started).compareTo(tracing.linkAfter()) > 0;
        boolean linked = claimed.traceparent() != null && (late || claimed.traceLinked() || claimed.attempts() > 1);
        JobAttemptObservationContext context = new JobAttemptObservationContext(
                jobId, claimed.type(), claimed.attempts(), claimed.submittedAt(), claimed.traceparent(), linked);
        return Observation.createNotStarted(RUN, () -> context, tracing.registry())
                .contextualName("job run " + claimed.type())
                .lowCardinalityKeyValue("job.type", claimed.type())
                .highCardinalityKeyValue("job.id", jobId)
                .highCardinalityKeyValue("job.attempt", Integer.toString(claimed.attempts()));
    }
}
