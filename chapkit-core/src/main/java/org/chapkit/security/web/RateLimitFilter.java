package org.chapkit.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.chapkit.problem.ProblemDetails;
import org.chapkit.problem.ProblemResponseWriter;
import org.chapkit.security.access.Caller;
import org.chapkit.security.access.Role;
import org.chapkit.security.ratelimit.RateDecision;
import org.chapkit.security.ratelimit.RateLimit;
import org.chapkit.security.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes a token per request from the caller's bucket (per key or token subject; per client address when
 * anonymous) and answers 429 problem+json with {@code Retry-After} when it is empty. Runs after authentication.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final Callers callers;
    private final Map<Role, RateLimit> roleLimits;
    private final RateLimit anonymousLimit;
    private final ProblemResponseWriter problems;

    /**
     * @param limiter the buckets
     * @param callers who is calling
     * @param roleLimits limit per role (a role without an entry is not limited)
     * @param anonymousLimit limit per client address for anonymous requests, or {@code null} for none
     * @param problems writes the 429 body
     */
    public RateLimitFilter(
            RateLimiter limiter,
            Callers callers,
            Map<Role, RateLimit> roleLimits,
            RateLimit anonymousLimit,
            ProblemResponseWriter problems) {
        this.limiter = limiter;
        this.callers = callers;
        this.roleLimits = Map.copyOf(roleLimits);
        this.anonymousLimit = anonymousLimit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = callers.current(request);
        RateLimit limit = caller.role() == null ? anonymousLimit : roleLimits.get(caller.role());
        if (limit != null) {
            String bucket = caller.role() == null
                    ? "ip:" + caller.subject()
                    : caller.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + caller.subject();
            RateDecision decision = limiter.tryAcquire(bucket, limit);
            if (!decision.allowed()) {
                long seconds = decision.retryAfterSeconds();
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                problems.write(
                        response,
                        ProblemDetails.of(
                                429,
                                "Rate limit of " + limit.requests() + " requests per " + limit.period()
                                        + " exceeded; retry after " + seconds + " s",
                                URI.create(request.getRequestURI())));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
