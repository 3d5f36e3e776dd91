package org.chapkit.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.chapkit.problem.ProblemDetails;
import org.chapkit.problem.ProblemResponseWriter;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * Answers a request that Spring Security's firewall refuses (encoded {@code %2F} or {@code %25}, {@code ..}
 * segments, {@code ;} parameters, {@code //}) with a 400 problem document. The firewall runs before the header
 * filter, so the default security headers are written here too.
 */
public final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private final ProblemResponseWriter problems;
    private final List<HeaderWriter> headers;

    /**
     * @param problems writes the body
     * @param frameOptions {@code DENY}, {@code SAMEORIGIN} or {@code NONE}, as for every other response
     */
    public ProblemRequestRejectedHandler(ProblemResponseWriter problems, String frameOptions) {
        this.problems = problems;
        List<HeaderWriter> writers = new java.util.ArrayList<>(List.of(
                new XContentTypeOptionsHeaderWriter(),
                new XXssProtectionHeaderWriter(),
                new CacheControlHeadersWriter()));
        switch (frameOptions.toUpperCase(java.util.Locale.ROOT)) {
            case "NONE" -> {}
            case "SAMEORIGIN" ->
                writers.add(new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.SAMEORIGIN));
            default -> writers.add(new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY));
        }
        this.headers = List.copyOf(writers);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
            throws IOException {
        headers.forEach(writer -> writer.writeHeaders(request, response));
        problems.write(
                response,
                ProblemDetails.of(
                        400,
                        "The request path or headers were refused: " + ex.getMessage(),
                        URI.create(request.getRequestURI())));
    }
}
