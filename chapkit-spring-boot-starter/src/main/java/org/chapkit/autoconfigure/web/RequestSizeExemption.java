package org.chapkit.autoconfigure.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Lets a feature take requests out of {@code chapkit.web.max-request-size}, for endpoints that stream large bodies
 * and enforce their own limit (for example binary artifact uploads). Declare beans of this type.
 */
@FunctionalInterface
public interface RequestSizeExemption {

    /** Whether {@code request} is exempt from the general body size limit. */
    boolean isExempt(HttpServletRequest request);
}
