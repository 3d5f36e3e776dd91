package org.chapkit.security.access;

import static org.chapkit.security.access.Access.ADMIN;
import static org.chapkit.security.access.Access.OPERATOR;
import static org.chapkit.security.access.Access.PUBLIC;
import static org.chapkit.security.access.Access.VIEWER;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * The role every chapkit endpoint needs: the table of docs/security.md, in code. A test compares this table with
 * the docs and with the request mappings of a running service, so an endpoint without a row fails the build.
 * Requests that match no row need {@link Access#VIEWER} for GET (hosted apps and other static files) and
 * {@link Access#ADMIN} for everything else.
 */
public final class ChapkitEndpointRules {

    private static final List<EndpointRule> RULES = List.of(
            rule("Service", GET, "/", VIEWER),
            rule("Service", GET, "/health", VIEWER),
            rule("Service", GET, "/health/$stream", VIEWER),
            rule("Service", GET, "/api/v1/info", VIEWER),
            rule("Service", GET, "/api/v1/system", VIEWER),
            rule("Service", GET, "/api/v1/system/apps", VIEWER),
            rule("Service", GET, "/api/v1/system/apps/$schema", VIEWER),
            rule("Service", GET, "/api/v1/cluster", VIEWER),
            rule("Service", GET, "/api/v1/cluster/$stream", VIEWER),
            rule("Service", GET, "/metrics", VIEWER),
            rule("Service", GET, "/actuator", VIEWER),
            rule("Service", GET, "/actuator/**", VIEWER),
            rule("Service", null, "/error", PUBLIC),
            rule("OpenAPI", GET, "/openapi.json", VIEWER),
            rule("OpenAPI", GET, "/docs", VIEWER),
            rule("OpenAPI", GET, "/v3/api-docs", VIEWER),
            rule("OpenAPI", GET, "/v3/api-docs/**", VIEWER),
            rule("OpenAPI", GET, "/v3/api-docs.yaml", VIEWER),
            rule("OpenAPI", GET, "/swagger-ui.html", VIEWER),
            rule("OpenAPI", GET, "/swagger-ui/**", VIEWER),
            rule("Configs", GET, "/api/v1/configs", VIEWER),
            rule("Configs", POST, "/api/v1/configs", ADMIN),
            rule("Configs", GET, "/api/v1/configs/$schema", VIEWER),
            rule("Configs", GET, "/api/v1/configs/$stats", VIEWER),
            rule("Configs", GET, "/api/v1/configs/{id}", VIEWER),
            rule("Configs", PUT, "/api/v1/configs/{id}", ADMIN),
            rule("Configs", DELETE, "/api/v1/configs/{id}", ADMIN),
            rule("Configs", POST, "/api/v1/configs/{id}/$link-artifact", ADMIN),
            rule("Configs", POST, "/api/v1/configs/{id}/$unlink-artifact", ADMIN),
            rule("Configs", GET, "/api/v1/configs/{id}/$artifacts", VIEWER),
            rule("Configs", GET, "/api/v1/configs/{id}/versions", VIEWER),
            rule("Configs", GET, "/api/v1/configs/{id}/versions/{version}", VIEWER),
            rule("Configs", GET, "/api/v1/configs/{id}/$diff", VIEWER),
            rule("Configs", POST, "/api/v1/configs/{id}/$rollback", ADMIN),
            rule("Configs", GET, "/api/v1/config-types", VIEWER),
            rule("Configs", GET, "/api/v1/config-types/{type}", VIEWER),
            rule("Configs", GET, "/api/v1/config-types/{type}/configs", VIEWER),
            rule("Configs", POST, "/api/v1/config-types/{type}/configs", ADMIN),
            rule("Configs", GET, "/api/v1/config-types/{type}/configs/$schema", VIEWER),
            rule("Configs", GET, "/api/v1/config-types/{type}/configs/$stats", VIEWER),
            rule("Configs", GET, "/api/v1/config-types/{type}/configs/{id}", VIEWER),
            rule("Configs", PUT, "/api/v1/config-types/{type}/configs/{id}", ADMIN),
            rule("Configs", DELETE, "/api/v1/config-types/{type}/configs/{id}", ADMIN),
            rule("Configs", GET, "/api/v1/config-types/{type}/configs/{id}/versions", VIEWER),
            rule("Configs", GET, "/api/v1/config-types/{type}/configs/{id}/versions/{version}", VIEWER),
            rule("Configs", GET, "/api/v1/config-types/{type}/configs/{id}/$diff", VIEWER),
            rule("Configs", POST, "/api/v1/config-types/{type}/configs/{id}/$rollback", ADMIN),
            rule("Artifacts", GET, "/api/v1/artifacts", VIEWER),
            rule("Artifacts", POST, "/api/v1/artifacts", ADMIN),
            rule("Artifacts", GET, "/api/v1/artifacts/$schema", VIEWER),
            rule("Artifacts", GET, "/api/v1/artifacts/$stats", VIEWER),
            rule("Artifacts", POST, "/api/v1/artifacts/$import", ADMIN),
            rule("Artifacts", GET, "/api/v1/artifacts/{id}", VIEWER),
            rule("Artifacts", PUT, "/api/v1/artifacts/{id}", ADMIN),
            rule("Artifacts", DELETE, "/api/v1/artifacts/{id}", ADMIN),
            rule("Artifacts", PUT, "/api/v1/artifacts/{id}/$content", ADMIN),
            rule("Artifacts", GET, "/api/v1/artifacts/{id}/$expand", VIEWER),
            rule("Artifacts", GET, "/api/v1/artifacts/{id}/$tree", VIEWER),
            rule("Artifacts", GET, "/api/v1/artifacts/{id}/$config", VIEWER),
            rule("Artifacts", GET, "/api/v1/artifacts/{id}/$metadata", VIEWER),
            rule("Artifacts", GET, "/api/v1/artifacts/{id}/$download", VIEWER),
            rule("Artifacts", GET, "/api/v1/artifacts/{id}/$export", VIEWER),
            rule("Artifacts", GET, "/api/v1/artifacts/{id}/$rows", VIEWER),
            rule("Jobs", GET, "/api/v1/jobs", VIEWER),
            rule("Jobs", GET, "/api/v1/jobs/$schema", VIEWER),
            rule("Jobs", GET, "/api/v1/jobs/{id}", VIEWER),
            rule("Jobs", DELETE, "/api/v1/jobs/{id}", OPERATOR),
            rule("Jobs", GET, "/api/v1/jobs/{id}/$stream", VIEWER),
            rule("Jobs", GET, "/api/v1/jobs/{id}/$run-log", VIEWER),
            rule("Jobs", GET, "/api/v1/jobs/{id}/$attempts", VIEWER),
            rule("ML", POST, "/api/v1/ml/$train", OPERATOR),
            rule("ML", POST, "/api/v1/ml/$predict", OPERATOR),
            rule("ML", POST, "/api/v1/ml/$backtest", OPERATOR),
            rule("ML", POST, "/api/v1/ml/$validate", OPERATOR),
            rule("ML", GET, "/api/v1/ml/$generate-sample-data", VIEWER),
            rule("Models", GET, "/api/v1/models", VIEWER),
            rule("Models", GET, "/api/v1/models/{name}", VIEWER),
            rule("Models", GET, "/api/v1/models/{name}/versions", VIEWER),
            rule("Models", GET, "/api/v1/models/{name}/versions/{version}", VIEWER),
            rule("Models", POST, "/api/v1/models/{name}/versions/{version}/$archive", ADMIN),
            rule("Models", GET, "/api/v1/models/{name}/aliases", VIEWER),
            rule("Models", PUT, "/api/v1/models/{name}/aliases/{alias}", ADMIN),
            rule("Models", DELETE, "/api/v1/models/{name}/aliases/{alias}", ADMIN),
            rule("Models", GET, "/api/v1/models/{name}/alias-history", VIEWER),
            rule("Models", GET, "/api/v1/models/{name}/routing", VIEWER),
            rule("Models", PUT, "/api/v1/models/{name}/routing", ADMIN),
            rule("Models", DELETE, "/api/v1/models/{name}/routing", ADMIN),
            rule("Inference", GET, "/v2", VIEWER),
            rule("Inference", GET, "/v2/health/live", VIEWER),
            rule("Inference", GET, "/v2/health/ready", VIEWER),
            rule("Inference", GET, "/v2/models/{name}", VIEWER),
            rule("Inference", GET, "/v2/models/{name}/ready", VIEWER),
            rule("Inference", POST, "/v2/models/{name}/infer", OPERATOR),
            rule("Inference", GET, "/v2/models/{name}/versions/{version}", VIEWER),
            rule("Inference", GET, "/v2/models/{name}/versions/{version}/ready", VIEWER),
            rule("Inference", POST, "/v2/models/{name}/versions/{version}/infer", OPERATOR),
            rule("Inference", GET, "/ping", VIEWER),
            rule("Inference", POST, "/invocations", OPERATOR),
            rule("Tasks", GET, "/api/v1/tasks", VIEWER),
            rule("Tasks", GET, "/api/v1/tasks/$orphaned", VIEWER),
            rule("Tasks", DELETE, "/api/v1/tasks/$orphaned/{name}", ADMIN),
            rule("Tasks", GET, "/api/v1/tasks/{name}", VIEWER),
            rule("Tasks", POST, "/api/v1/tasks/{name}/$execute", OPERATOR),
            rule("Tasks", POST, "/api/v1/tasks/{name}/$enable", ADMIN),
            rule("Tasks", POST, "/api/v1/tasks/{name}/$disable", ADMIN),
            rule("Schedules", GET, "/api/v1/schedules", VIEWER),
            rule("Schedules", POST, "/api/v1/schedules", ADMIN),
            rule("Schedules", POST, "/api/v1/schedules/$preview", OPERATOR),
            rule("Schedules", GET, "/api/v1/schedules/{id}", VIEWER),
            rule("Schedules", PUT, "/api/v1/schedules/{id}", ADMIN),
            rule("Schedules", DELETE, "/api/v1/schedules/{id}", ADMIN),
            rule("Schedules", POST, "/api/v1/schedules/{id}/$enable", ADMIN),
            rule("Schedules", POST, "/api/v1/schedules/{id}/$disable", ADMIN),
            rule("Schedules", POST, "/api/v1/schedules/{id}/$trigger", OPERATOR),
            rule("Events", GET, "/api/v1/events", VIEWER),
            rule("Events", GET, "/api/v1/events/$stream", VIEWER),
            rule("Events", GET, "/api/v1/events/destinations", VIEWER),
            rule("Events", POST, "/api/v1/events/destinations/{name}/$replay", ADMIN),
            rule("Events", GET, "/api/v1/events/dead-letters", VIEWER),
            rule("Events", POST, "/api/v1/events/dead-letters/{id}/$replay", ADMIN),
            rule("Webhooks", GET, "/api/v1/webhooks", ADMIN),
            rule("Webhooks", POST, "/api/v1/webhooks", ADMIN),
            rule("Webhooks", GET, "/api/v1/webhooks/{id}", ADMIN),
            rule("Webhooks", PUT, "/api/v1/webhooks/{id}", ADMIN),
            rule("Webhooks", DELETE, "/api/v1/webhooks/{id}", ADMIN),
            rule("Webhooks", GET, "/api/v1/webhooks/{id}/dead-letters", ADMIN),
            rule("Webhooks", POST, "/api/v1/webhooks/{id}/dead-letters/{letter}/$replay", ADMIN),
            rule("Keys", GET, "/api/v1/keys", ADMIN),
            rule("Keys", POST, "/api/v1/keys", ADMIN),
            rule("Keys", GET, "/api/v1/keys/{id}", ADMIN),
            rule("Keys", DELETE, "/api/v1/keys/{id}", ADMIN),
            rule("Audit", GET, "/api/v1/audit", ADMIN));

    private ChapkitEndpointRules() {}

    /** Every chapkit endpoint and what it requires, in the order of docs/security.md. */
    public static List<EndpointRule> all() {
        return RULES;
    }

    private static EndpointRule rule(String family, HttpMethod method, String path, Access access) {
        return new EndpointRule(family, method, path, access);
    }
}
