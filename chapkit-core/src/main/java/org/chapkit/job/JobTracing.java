package org.chapkit.job;

import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Objects;

/**
 * How the job system reports to Micrometer Observation (and so, with a tracing bridge, to OpenTelemetry): the
 * registry its {@value JobObservations#SUBMIT} and {@value JobObservations#RUN} observations go to, and how late an
 * attempt may start and still continue its submitter's trace.
 *
 * <p>The submit observation is a sender: a tracing handler writes the W3C {@code traceparent} of its span into the
 * job record. The run observation is a receiver on whatever instance claims the job: it continues that trace (the job
 * span is a child of the submit span), unless the job was submitted to start later (a task retry after its backoff),
 * the attempt is a re-run (re-queued or deferred), or it starts more than {@code linkAfter} after the submit; then it
 * starts a trace of its own, and {@link JobAttemptObservationContext#linkedTraceparent()} names the
 * submitter's span for a tracing handler to link to.
 *
 * @param registry where the observations go; {@link ObservationRegistry#NOOP} for none
 * @param linkAfter how late after its submit an attempt starts its own (linked) trace instead of continuing the
 *     submitter's
 */
public record JobTracing(ObservationRegistry registry, Duration linkAfter) {

    /** No observations. */
    public static final JobTracing OFF = new JobTracing(ObservationRegistry.NOOP, Duration.ofMinutes(5));

    /** Checks the values. */
    public JobTracing {
        Objects.requireNonNull(registry, "registry");
        if (linkAfter == null || linkAfter.isNegative()) {
            throw new IllegalArgumentException("linkAfter must be zero or positive, was " + linkAfter);
        }
    }
}
