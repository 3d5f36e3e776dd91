package org.chapkit.autoconfigure.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chapkit.job.JobAttemptObservationContext;

/**
 * The tracing handler of a job attempt that starts a trace of its own (a retry, or a late start): the new root span
 * links to the span that submitted the job. Ordered before Boot's receiver handler, which handles every other attempt
 * (those continue the submitter's trace).
 */
final class JobAttemptLinkingHandler
        extends PropagatingReceiverTracingObservationHandler<JobAttemptObservationContext> {

    private static final Pattern TRACEPARENT =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    private final Tracer tracer;

    JobAttemptLinkingHandler(Tracer tracer, Propagator propagator) {
        super(tracer, propagator);
        this.tracer = tracer;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof JobAttemptObservationContext attempt && attempt.linkedTraceparent() != null;
    }

    @Override
    public Span.Builder customizeExtractedSpan(JobAttemptObservationContext context, Span.Builder builder) {
        Matcher parts = TRACEPARENT.matcher(context.linkedTraceparent());
        if (!parts.matches()) {
            return builder;
        }
        TraceContext submitter = tracer.traceContextBuilder()
                .traceId(parts.group(2))
                .spanId(parts.group(3))
                .sampled((Integer.parseInt(parts.group(4), 16) & 1) == 1)
                .build();
        return builder.setNoParent().addLink(new Link(submitter));
    }
}
