package org.chapkit.client.system;

import java.util.List;
import org.chapkit.client.http.ChapkitHttp;
import tools.jackson.databind.JsonNode;

/** Reads runtime facts and hosted apps ({@code /api/v1/system}). */
public final class SystemClient {

    private final ChapkitHttp http;

    /**
     * Creates the client.
     *
     * @param http the shared transport
     */
    public SystemClient(ChapkitHttp http) {
        this.http = http;
    }

    /**
     * {@code GET /api/v1/system}.
     *
     * @return the system info
     */
    public SystemInfo info() {
        return http.get("/api/v1/system", SystemInfo.class);
    }

    /**
     * {@code GET /api/v1/system/apps}.
     *
     * @return the hosted static apps
     */
    public List<AppInfo> apps() {
        return http.get("/api/v1/system/apps", null, http.types().constructCollectionType(List.class, AppInfo.class));
    }

    /**
     * {@code GET /api/v1/system/apps/$schema}.
     *
     * @return the JSON Schema of the app list
     */
    public JsonNode appsSchema() {
        return http.get("/api/v1/system/apps/$schema", JsonNode.class);
    }
}
