package org.chapkit.job;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import java.util.HashMap;
import java.util.Map;

/**
 * The observation context of submitting a job: a sender whose carrier is the trace context stored with the job
 * (its {@code traceparent} entry goes to the {@code jobs.traceparent} column). Tracing handlers fill the carrier.
 */
public final class JobSubmitObservationContext extends SenderContext<Map<String, String>> {

    /** The carrier entry stored with the job: the W3C trace context of the submit span. */
    public static final String TRACEPARENT = "traceparent";

    private final String jobId;
    private final String jobType;

    JobSubmitObservationContext(String jobId, String jobType) {
        super((carrier, key, value) -> carrier.put(key, value), Kind.PRODUCER);
        setCarrier(new HashMap<>());
        this.jobId = jobId;
        this.jobType = jobType;
    }

    /** The id of the job being submitted. */
    public String jobId() {
        return jobId;
    }

    /** The name of its job type. */
    public String jobType() {
        return jobType;
    }

    /** The W3C trace context a tracing handler wrote, or null (tracing off, or not sampled and not propagated). */
    String traceparent() {
        Map<String, String> carrier = getCarrier();
        return carrier == null ? null : carrier.get(TRACEPARENT);
    }
}
