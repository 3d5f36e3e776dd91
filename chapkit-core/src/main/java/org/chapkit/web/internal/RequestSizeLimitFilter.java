package org.chapkit.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.function.Predicate;
import org.chapkit.problem.ProblemDetails;
import org.chapkit.problem.ProblemResponseWriter;
import org.chapkit.problem.RequestBodyTooLargeException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than a limit with 413 problem+json: at once when {@code Content-Length} says so,
 * and while reading when a chunked body grows past it, so a client cannot exhaust the heap.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final Predicate<HttpServletRequest> exempt;
    private final ProblemResponseWriter problems;

    /**
     * @param maxBytes largest accepted body
     * @param exempt requests with their own, larger limit (for example binary artifact uploads)
     * @param problems writes the 413 body
     */
    public RequestSizeLimitFilter(long maxBytes, Predicate<HttpServletRequest> exempt, ProblemResponseWriter problems) {
        this.maxBytes = maxBytes;
        this.exempt = exempt;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (exempt.test(request)) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            problems.write(request, response, ProblemDetails.of(413, tooLarge(), URI.create(request.getRequestURI())));
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    private String tooLarge() {
        return "Request body exceeds the limit of " + maxBytes + " bytes";
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long count;

        CountingStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) throws IOException {
            count += n;
            if (count > limit) {
                throw new RequestBodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
