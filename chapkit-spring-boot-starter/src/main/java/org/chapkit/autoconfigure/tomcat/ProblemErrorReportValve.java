package org.chapkit.autoconfigure.tomcat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.chapkit.problem.ProblemType;

/**
 * Tomcat's error report valve, replaced so that the errors Tomcat answers itself, before any servlet runs (an
 * encoded {@code /} or {@code \}, a NUL, a path that climbs out of the root, a URI or header too long, an unknown
 * method), are RFC 9457 problem+json instead of Tomcat's HTML page. Errors inside the application never get here:
 * Spring's error controller renders them. The detail is fixed per status and never echoes the request.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    /** Creates the valve (Tomcat instantiates it by class name). */
    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        ProblemType type = ProblemType.forStatus(status);
        String body = "{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":" + status
                + ",\"detail\":\"" + detail(status) + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ex) {
            // the client went away, or the response was committed meanwhile: nothing left to tell it
        }
    }

    /** A fixed, JSON-safe explanation per status; Tomcat's own messages may quote the request. */
    static String detail(int status) {
        return switch (status) {
            case 400 ->
                "The request is malformed: an invalid or unsafe URI (encoded '/', '\\\\' or NUL, or a path leaving"
                        + " the root), an invalid encoding or invalid headers";
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed here";
            case 408 -> "The request took too long to arrive";
            case 411 -> "The request needs a Content-Length";
            case 413 -> "The request body is too large";
            case 414 -> "The request URI is too long";
            case 431 -> "The request headers are too large";
            case 501 -> "This method is not implemented";
            case 505 -> "This HTTP version is not supported";
            default ->
                status >= 500
                        ? "An unexpected error occurred; see the service log for details."
                        : "The request could not be processed (HTTP " + status + ")";
        };
    }
}
