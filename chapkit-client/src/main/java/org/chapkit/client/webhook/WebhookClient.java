package org.chapkit.client.webhook;

import java.util.List;
import org.chapkit.client.http.ChapkitHttp;
import tools.jackson.databind.JsonNode;

/** Access to {@code /api/v1/webhooks}: create, list, read, change and delete webhook endpoints. */
public final class WebhookClient {

    private static final String BASE = "/api/v1/webhooks";

    private final ChapkitHttp http;

    /**
     * Creates the client.
     *
     * @param http the shared transport
     */
    public WebhookClient(ChapkitHttp http) {
        this.http = http;
    }

    /**
     * {@code POST /api/v1/webhooks}.
     *
     * @param request the endpoint
     * @return the endpoint and its secret (shown this once)
     */
    public WebhookCreated create(WebhookRequest request) {
        JsonNode created =
                http.exchange("POST", BASE, null, request, http.types().constructType(JsonNode.class));
        Webhook webhook = http.mapper().treeToValue(created, Webhook.class);
        return new WebhookCreated(webhook, created.path("secret").asString(null));
    }

    /**
     * {@code GET /api/v1/webhooks}.
     *
     * @return every endpoint (without secrets)
     */
    public List<Webhook> list() {
        return http.get(BASE, null, http.types().constructCollectionType(List.class, Webhook.class));
    }

    /**
     * {@code GET /api/v1/webhooks/{id}}.
     *
     * @param id the endpoint's id
     * @return the endpoint
     */
    public Webhook get(String id) {
        return http.get(path(id), null, http.types().constructType(Webhook.class));
    }

    /**
     * {@code PUT /api/v1/webhooks/{id}}: changes the fields that are not null.
     *
     * @param id the endpoint's id
     * @param request the fields to change
     * @return the endpoint afterwards
     */
    public Webhook update(String id, WebhookRequest request) {
        return http.exchange("PUT", path(id), null, request, http.types().constructType(Webhook.class));
    }

    /**
     * {@code DELETE /api/v1/webhooks/{id}}: the endpoint, its delivery state and its dead letters.
     *
     * @param id the endpoint's id
     */
    public void delete(String id) {
        http.exchange("DELETE", path(id), null, null, null);
    }

    private static String path(String id) {
        return BASE + "/" + ChapkitHttp.segment(id);
    }
}
