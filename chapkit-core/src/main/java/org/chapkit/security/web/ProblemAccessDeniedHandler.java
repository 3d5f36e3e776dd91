package org.chapkit.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.chapkit.problem.ProblemDetails;
import org.chapkit.problem.ProblemResponseWriter;
import org.chapkit.security.access.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Answers an authenticated caller whose role is too low with a 403 problem naming the role and the request. */
public final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemResponseWriter problems;

    public ProblemAccessDeniedHandler(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String role = authentication == null
                ? "none"
                : Callers.highestRole(authentication).map(Role::wireName).orElse("none");
        String detail = "Role " + role + " may not " + request.getMethod() + " " + request.getRequestURI()
                + " (see the role table in docs/security.md)";
        problems.write(response, ProblemDetails.of(403, detail, URI.create(request.getRequestURI())));
    }
}
