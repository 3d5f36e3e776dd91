package org.chapkit.autoconfigure.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import net.ttddyy.observation.tracing.ConnectionContext;

/**
 * The tracing handler of datasource-micrometer's connection observations when {@code chapkit.tracing.jdbc-connections}
 * is off: it makes no span and leaves the current span as it is, so each statement's span is a child of the request's
 * or job's span it ran in. datasource-micrometer observes statements only on connections it observes, so the
 * connection observation itself has to stay; this handler is first among the tracing handlers for its context, which
 * keeps Boot's default tracing handler from making a span of it.
 */
final class ConnectionWithoutSpanHandler implements TracingObservationHandler<ConnectionContext> {

    private final Tracer tracer;

    ConnectionWithoutSpanHandler(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ConnectionContext;
    }

    @Override
    public void onStart(ConnectionContext context) {}

    @Override
    public void onScopeOpened(ConnectionContext context) {}

    @Override
    public void onScopeClosed(ConnectionContext context) {}

    @Override
    public void onScopeReset(ConnectionContext context) {}

    @Override
    public void onEvent(Observation.Event event, ConnectionContext context) {}

    @Override
    public void onError(ConnectionContext context) {}

    @Override
    public void onStop(ConnectionContext context) {}

    @Override
    public Tracer getTracer() {
        return tracer;
    }
}
