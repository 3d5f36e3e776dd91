package org.chapkit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.chapkit.id.Ulids;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts an {@code X-Request-ID} header on every response and the id in the logging MDC as {@code requestId}. A
 * well-formed incoming id (from a proxy or a caller) is kept so one id follows a request across services;
 * otherwise a new ULID is made.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    /** The header name. */
    public static final String HEADER = "X-Request-ID";

    /** The MDC key holding the current request id. */
    public static final String MDC_KEY = "requestId";

    /** The request attribute holding the request id, readable after the filter has returned (error pages). */
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    /**
     * The request attribute holding the trace id of the request's server span, set by the tracing integration when
     * tracing is on; problems carry it as {@code trace_id} (see {@link #traceId(HttpServletRequest)}).
     */
    public static final String TRACE_ATTRIBUTE = RequestIdFilter.class.getName() + ".traceId";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = assign(request);
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /**
     * The id of {@code request}, given to it now if it has none: its well-formed incoming {@code X-Request-ID}, else a
     * new ULID. For code that answers a request this filter never saw (Tomcat's error report valve).
     *
     * @param request the request
     * @return its id, also stored as the {@link #ATTRIBUTE} attribute
     */
    public static String assign(HttpServletRequest request) {
        Object existing = request.getAttribute(ATTRIBUTE);
        if (existing != null) {
            return existing.toString();
        }
        String incoming = request.getHeader(HEADER);
        String id = incoming != null && ACCEPTED.matcher(incoming).matches() ? incoming : Ulids.newUlid();
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }

    /**
     * The id of the request being answered: the one this filter gave {@code request}, else the logging MDC's;
     * null outside a request.
     */
    public static String currentId(HttpServletRequest request) {
        Object id = request == null ? null : request.getAttribute(ATTRIBUTE);
        return id != null ? id.toString() : MDC.get(MDC_KEY);
    }

    /**
     * The {@code trace_id} of a problem answering {@code request}: the trace id of its server span when tracing is on
     * ({@link #TRACE_ATTRIBUTE}), else its request id ({@link #currentId(HttpServletRequest)}).
     *
     * @param request the request, or null
     * @return the id, or null outside a request
     */
    public static String traceId(HttpServletRequest request) {
        Object traceId = request == null ? null : request.getAttribute(TRACE_ATTRIBUTE);
        return traceId != null ? traceId.toString() : currentId(request);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
