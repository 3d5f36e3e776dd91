package org.chapkit.autoconfigure.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.chapkit.problem.ProblemDetails;
import org.chapkit.problem.ProblemRendering;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Spring Boot's whitelabel error page so that errors raised outside Spring MVC (in the servlet container
 * or a filter) are problem+json too, never HTML and never a stack trace.
 */
@Controller // Spring MVC maps only @Controller types; without it /error had no handler at all
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private final ProblemRendering rendering;

    /** An error controller that writes problems as they are built (contract generation 1). */
    public ProblemErrorController() {
        this(ProblemRendering.unchanged());
    }

    /** An error controller that gives problems the shape of {@code rendering}. */
    public ProblemErrorController(ProblemRendering rendering) {
        this.rendering = rendering;
    }

    /** Answers the forwarded error with a problem document. */
    @RequestMapping
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = status >= 500
                ? "An unexpected error occurred; see the service log for details."
                : "The request could not be processed (HTTP " + status + ")";
        ProblemDetail problem = rendering.render(
                ProblemDetails.of(status, detail, uri == null ? null : URI.create(uri.toString())), null, request);
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
