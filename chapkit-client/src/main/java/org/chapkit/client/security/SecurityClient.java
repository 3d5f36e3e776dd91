package org.chapkit.client.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chapkit.client.Page;
import org.chapkit.client.http.ChapkitHttp;
import tools.jackson.databind.JavaType;

/** Access to a secured service's key management ({@code /api/v1/keys}) and audit trail ({@code /api/v1/audit}). */
public final class SecurityClient {

    private static final String KEYS = "/api/v1/keys";

    private final ChapkitHttp http;
    private final JavaType keyType;

    /**
     * Creates the client.
     *
     * @param http the shared transport
     */
    public SecurityClient(ChapkitHttp http) {
        this.http = http;
        this.keyType = http.types().constructType(ApiKey.class);
    }

    /**
     * {@code POST /api/v1/keys} (admin): creates a key; its secret is in the answer and nowhere else.
     *
     * @param request name, role and optional expiry
     * @return the key with its secret
     */
    public ApiKeyCreated createKey(ApiKeyRequest request) {
        return http.exchange("POST", KEYS, null, request, http.types().constructType(ApiKeyCreated.class));
    }

    /**
     * {@code GET /api/v1/keys} (admin).
     *
     * @return every managed key, without secrets
     */
    public List<ApiKey> listKeys() {
        return http.get(KEYS, null, http.types().constructCollectionType(List.class, ApiKey.class));
    }

    /**
     * {@code GET /api/v1/keys/{id}} (admin).
     *
     * @param id the key's id
     * @return the key, without its secret
     */
    public ApiKey getKey(String id) {
        return http.get(KEYS + "/" + id, null, keyType);
    }

    /**
     * {@code DELETE /api/v1/keys/{id}} (admin): revokes the key on every instance within the service's cache time.
     *
     * @param id the key's id
     */
    public void revokeKey(String id) {
        http.exchange("DELETE", KEYS + "/" + id, null, null, null);
    }

    /**
     * {@code GET /api/v1/audit} (admin): one page of the audit trail, newest first.
     *
     * @param filter which entries, and which page
     * @return the page
     */
    public Page<AuditEvent> audit(AuditFilter filter) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("page", Integer.toString(filter.page()));
        query.put("size", Integer.toString(filter.size()));
        putIfSet(query, "subject", filter.subject());
        putIfSet(query, "outcome", filter.outcome());
        putIfSet(query, "method", filter.method());
        putIfSet(query, "path_prefix", filter.pathPrefix());
        putIfSet(query, "since", filter.since() == null ? null : filter.since().toString());
        putIfSet(query, "until", filter.until() == null ? null : filter.until().toString());
        return http.get("/api/v1/audit", query, http.types().constructParametricType(Page.class, AuditEvent.class));
    }

    private static void putIfSet(Map<String, String> query, String name, String value) {
        if (value != null) {
            query.put(name, value);
        }
    }
}
