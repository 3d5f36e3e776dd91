package org.chapkit.autoconfigure.tomcat;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.chapkit.problem.ProblemResponseWriter;
import org.chapkit.problem.ProblemType;
import org.chapkit.web.RequestIdFilter;
import org.chapkit.web.ResponseHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report valve, replaced so that the errors Tomcat answers itself, before any servlet runs (an
 * encoded {@code /} or {@code \}, a NUL, a path that climbs out of the root, a URI or header too long, an unknown
 * method), are RFC 9457 problem+json instead of Tomcat's HTML page, shaped like every other problem of the service
 * (by the contract generation), always with {@code instance} and {@code trace_id} (the {@code X-Request-ID} sent
 * back), and with the same security headers as every other response. Errors inside the application never get here: Spring's error controller renders them. The
 * detail is fixed per status and never echoes the request; {@code instance} is the request path as sent, escaped
 * into a URI and cut at {@value #MAX_INSTANCE_LENGTH} characters.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    /** Longest {@code instance} written; a 100 KB URI is not sent back whole. */
    static final int MAX_INSTANCE_LENGTH = 2048;

    private final ProblemResponseWriter problems;
    private final ResponseHeaders headers;

    /** A valve with generation-1 problems and no extra headers (Tomcat may instantiate it by class name). */
    public ProblemErrorReportValve() {
        this(new ProblemResponseWriter(JsonMapper.builder().build()), null);
    }

    /**
     * @param problems renders problems as the rest of the service does
     * @param headers the headers every response carries, or null for none
     */
    public ProblemErrorReportValve(ProblemResponseWriter problems, ResponseHeaders headers) {
        this.problems = problems;
        this.headers = headers;
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
        try {
            String requestId = RequestIdFilter.assign(request);
            response.setHeader(RequestIdFilter.HEADER, requestId);
            // the server span's trace id when a traced request failed inside the application, else the request id
            String traceId = RequestIdFilter.traceId(request);
            if (headers != null) {
                headers.write(request, response);
            }
            ProblemType type = ProblemType.forStatus(status);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail(status));
            problem.setType(type.uri());
            problem.setTitle(type.title());
            problem.setInstance(instance(request.getRequestURI()));
            // in both contract generations: no log line of the application names these requests, the id does
            problem.setProperty("trace_id", traceId);
            String body = new String(problems.body(request, problem), StandardCharsets.UTF_8);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(body.getBytes(StandardCharsets.UTF_8).length);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | RuntimeException ex) {
            // the client went away or the response was committed meanwhile: nothing left to tell it; a failure to
            // render must not leave Tomcat's own page either
        }
    }

    /**
     * The request path as sent, as a URI reference: characters a URI cannot hold (and a {@code %} that starts no
     * escape) are percent-encoded, and it is cut at {@value #MAX_INSTANCE_LENGTH} characters; {@code /} when Tomcat
     * could not read the request line.
     */
    static URI instance(String raw) {
        if (raw == null || raw.isEmpty()) {
            return URI.create("/");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length() && out.length() < MAX_INSTANCE_LENGTH; i++) {
            char c = raw.charAt(i);
            boolean escape = c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) && hex(raw.charAt(i + 2));
            if (escape || (c != '%' && allowed(c))) {
                out.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)));
                    out.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
        }
        try {
            return URI.create(out.toString());
        } catch (IllegalArgumentException ex) {
            return URI.create("/");
        }
    }

    private static boolean hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }

    /** Unreserved and reserved characters of RFC 3986, except {@code #} (a fragment is never sent). */
    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "-._~:/?[]@!$&'()*+,;=".indexOf(c) >= 0;
    }

    /** A fixed, JSON-safe explanation per status; Tomcat's own messages may quote the request. */
    static String detail(int status) {
        return switch (status) {
            case 400 ->
                "The request is malformed: an invalid or unsafe URI (encoded '/', '\\' or NUL, or a path leaving"
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
