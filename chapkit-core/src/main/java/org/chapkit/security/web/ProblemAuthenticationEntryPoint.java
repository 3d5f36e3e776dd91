package org.chapkit.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.chapkit.problem.ProblemDetails;
import org.chapkit.problem.ProblemResponseWriter;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers unauthenticated requests with servicekit's 401 problem ({@code urn:servicekit:error:unauthorized}):
 * {@code Missing authentication header: X-API-Key} without credentials, {@code Invalid API key} for a wrong, revoked
 * or expired key, and {@code Invalid bearer token: …} (with {@code WWW-Authenticate: Bearer}) for a rejected JWT.
 */
public final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemResponseWriter problems;
    private final String apiKeyHeader;
    private final boolean apiKeys;

    /**
     * @param problems writes the body
     * @param apiKeyHeader the API-key header name
     * @param apiKeys whether API keys are accepted (else only bearer tokens)
     */
    public ProblemAuthenticationEntryPoint(ProblemResponseWriter problems, String apiKeyHeader, boolean apiKeys) {
        this.problems = problems;
        this.apiKeyHeader = apiKeyHeader;
        this.apiKeys = apiKeys;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        String detail;
        if (ex instanceof InvalidApiKeyException) {
            detail = "Invalid API key";
        } else if (isBearerFailure(ex)) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            detail = "Invalid bearer token: " + ex.getMessage();
        } else if (apiKeys) {
            detail = "Missing authentication header: " + apiKeyHeader;
        } else {
            response.setHeader("WWW-Authenticate", "Bearer");
            detail = "Missing bearer token (Authorization: Bearer <token>)";
        }
        problems.write(response, ProblemDetails.of(401, detail, URI.create(request.getRequestURI())));
    }

    private static boolean isBearerFailure(AuthenticationException ex) {
        try {
            return ex instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException;
        } catch (NoClassDefFoundError missing) {
            return false;
        }
    }
}
