package org.chapkit.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.chapkit.problem.ProblemDetails;
import org.chapkit.problem.ProblemResponseWriter;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers a request that Spring Security's firewall refuses (encoded {@code %2F} or {@code %25}, {@code ..}
 * segments, {@code ;} parameters, {@code //}) with a 400 problem document. The firewall runs before the header
 * filter, so the default security headers are written here too.
 */
public final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private final ProblemResponseWriter problems;
    private final SecurityHeaders headers;

    /**
     * @param problems writes the body
     * @param frameOptions {@code DENY}, {@code SAMEORIGIN} or {@code NONE}, as for every other response
     */
    public ProblemRequestRejectedHandler(ProblemResponseWriter problems, String frameOptions) {
        this(problems, new SecurityHeaders(frameOptions));
    }

    /**
     * @param problems writes the body
     * @param headers the security headers of every other response
     */
    public ProblemRequestRejectedHandler(ProblemResponseWriter problems, SecurityHeaders headers) {
        this.problems = problems;
        this.headers = headers;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
            throws IOException {
        headers.write(request, response);
        problems.write(
                request,
                response,
                ProblemDetails.of(
                        400,
                        "The request path or headers were refused: " + ex.getMessage(),
                        URI.create(request.getRequestURI())));
    }
}
