package org.chapkit.security.access;

import java.util.Objects;
import org.springframework.http.HttpMethod;

/**
 * One row of the endpoint → role table: requests with {@code method} (any method when {@code null}) whose path
 * matches {@code path} (a Spring {@code PathPattern}, for example {@code /api/v1/configs/{id}}) need {@code access}.
 *
 * @param family the endpoint family, for the docs ({@code Configs}, {@code ML} …)
 * @param method the HTTP method, or {@code null} for every method
 * @param path the path pattern, exactly as the controller's mapping spells it
 * @param access what the caller needs
 */
public record EndpointRule(String family, HttpMethod method, String path, Access access) {

    public EndpointRule {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(access, "access");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Rule path must start with '/', got " + path);
        }
    }

    /** The method as written in the table ({@code *} for any). */
    public String methodName() {
        return method == null ? "*" : method.name();
    }
}
