package org.chapkit.autoconfigure.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.chapkit.web.RequestIdFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records the trace id of the request's server span (opened by Spring's observation filter, which runs first) as the
 * {@link RequestIdFilter#TRACE_ATTRIBUTE} request attribute, so that the {@code trace_id} of a problem is the id the
 * span carries.
 */
final class TraceIdFilter extends OncePerRequestFilter {

    private final Tracer tracer;

    TraceIdFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Span span = tracer.currentSpan();
        if (span != null && !span.isNoop()) {
            request.setAttribute(RequestIdFilter.TRACE_ATTRIBUTE, span.context().traceId());
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }
}
