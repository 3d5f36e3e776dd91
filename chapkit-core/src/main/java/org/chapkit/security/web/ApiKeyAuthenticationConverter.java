package org.chapkit.security.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads the API-key header ({@code X-API-Key} unless configured otherwise). A request without it is left to the
 * other mechanisms; a request with the header twice, or empty, fails as an invalid key.
 */
public final class ApiKeyAuthenticationConverter implements AuthenticationConverter {

    private final String headerName;

    public ApiKeyAuthenticationConverter(String headerName) {
        this.headerName = headerName;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders(headerName));
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1 || values.get(0).isBlank()) {
            throw new InvalidApiKeyException();
        }
        return ApiKeyAuthentication.unverified(values.get(0).trim());
    }
}
