package org.chapkit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every response of the service carries (the security headers), for responses written outside the filter
 * chain that normally adds them: errors Tomcat answers before any servlet runs, requests the firewall refuses.
 */
@FunctionalInterface
public interface ResponseHeaders {

    /**
     * Adds the headers to {@code response}.
     *
     * @param request the request being answered
     * @param response its response, not yet committed
     */
    void write(HttpServletRequest request, HttpServletResponse response);
}
