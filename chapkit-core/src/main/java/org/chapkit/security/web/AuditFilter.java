package org.chapkit.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import org.chapkit.id.Ulids;
import org.chapkit.security.access.Caller;
import org.chapkit.security.audit.AuditEvent;
import org.chapkit.security.audit.AuditOutcome;
import org.chapkit.security.audit.AuditTrail;
import org.chapkit.web.RequestIdFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every state-changing request (any method but GET, HEAD and OPTIONS) and every denied request (401, 403,
 * 429) in the {@link AuditTrail}, once the response status is known. Runs first in the security chain, so denials
 * by authentication, authorization and the rate limiter are all seen.
 */
public final class AuditFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final AuditTrail trail;
    private final Callers callers;
    private final Clock clock;

    public AuditFilter(AuditTrail trail, Callers callers, Clock clock) {
        this.trail = trail;
        this.callers = callers;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            int status = failed ? 500 : response.getStatus();
            AuditOutcome outcome = AuditOutcome.ofStatus(status);
            if (!READS.contains(request.getMethod()) || outcome == AuditOutcome.DENIED) {
                record(request, response, status, outcome);
            }
        }
    }

    private void record(HttpServletRequest request, HttpServletResponse response, int status, AuditOutcome outcome) {
        Caller caller = callers.current(request);
        String requestId = response.getHeader(RequestIdFilter.HEADER);
        trail.record(new AuditEvent(
                Ulids.newUlid(),
                clock.instant(),
                caller.subject(),
                caller.keyPrefix(),
                caller.role(),
                request.getMethod(),
                request.getRequestURI(),
                resourceId(request, response),
                status,
                outcome,
                requestId));
    }

    /** The id of the created resource ({@code Location}) or the first ULID in the path. */
    static String resourceId(HttpServletRequest request, HttpServletResponse response) {
        String location = response.getHeader(HttpHeaders.LOCATION);
        if (location != null && location.lastIndexOf('/') >= 0) {
            return location.substring(location.lastIndexOf('/') + 1);
        }
        for (String segment : request.getRequestURI().split("/")) {
            if (Ulids.isValid(segment)) {
                return segment;
            }
        }
        return null;
    }
}
