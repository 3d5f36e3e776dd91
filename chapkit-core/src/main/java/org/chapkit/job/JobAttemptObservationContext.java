package org.chapkit.job;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import java.time.Instant;
import java.util.Map;

/**
 * The observation context of one attempt of a job, on the instance that claimed it: a receiver whose carrier is the
 * trace context stored at submit, so a tracing handler continues the submitter's trace. For a retry, or an attempt
 * that starts long after its submit ({@link JobTracing#linkAfter()}), the carrier is empty (the attempt starts its own
 * trace) and {@link #linkedTraceparent()} names the submitter's span instead, for a handler that links to it.
 */
public final class JobAttemptObservationContext extends ReceiverContext<Map<String, String>> {

    private final String jobId;
    private final String jobType;
    private final int attempt;
    private final Instant submittedAt;
    private final String linkedTraceparent;

    JobAttemptObservationContext(
            String jobId, String jobType, int attempt, Instant submittedAt, String traceparent, boolean linked) {
        super((carrier, key) -> carrier.get(key), Kind.CONSUMER);
        setCarrier(
                traceparent == null || linked
                        ? Map.of()
                        : Map.of(JobSubmitObservationContext.TRACEPARENT, traceparent));
        this.jobId = jobId;
        this.jobType = jobType;
        this.attempt = attempt;
        this.submittedAt = submittedAt;
        this.linkedTraceparent = linked ? traceparent : null;
    }

    /** The job's id. */
    public String jobId() {
        return jobId;
    }

    /** The name of its job type. */
    public String jobType() {
        return jobType;
    }

    /** Which attempt this is, 1 for the first. */
    public int attempt() {
        return attempt;
    }

    /** When the job was submitted. */
    public Instant submittedAt() {
        return submittedAt;
    }

    /**
     * The submitter's W3C trace context when this attempt starts a trace of its own (a retry, or a late start) that
     * should link to it; null when the attempt continues the submitter's trace, or the submit had none.
     */
    public String linkedTraceparent() {
        return linkedTraceparent;
    }
}
