package org.chapkit.client.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chapkit.client.data.DataFrame;
import org.chapkit.client.http.ChapkitHttp;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

/**
 * Access to the model registry ({@code /api/v1/models}: models, versions with lineage, aliases, routing) and to the
 * synchronous inference endpoints (KServe V2 {@code infer}, MLflow {@code /invocations}).
 */
public final class ModelsClient {

    private static final String BASE = "/api/v1/models";

    private final ChapkitHttp http;

    /**
     * Creates the client.
     *
     * @param http the shared transport
     */
    public ModelsClient(ChapkitHttp http) {
        this.http = http;
    }

    /**
     * {@code GET /api/v1/models}.
     *
     * @return every model
     */
    public List<RegisteredModel> list() {
        return http.get(BASE, null, listOf(RegisteredModel.class));
    }

    /**
     * {@code GET /api/v1/models/{name}}.
     *
     * @param name the model
     * @return the model
     */
    public RegisteredModel get(String name) {
        return http.get(model(name), RegisteredModel.class);
    }

    /**
     * {@code GET /api/v1/models/{name}/versions}, newest first.
     *
     * @param name the model
     * @return its versions
     */
    public List<ModelVersion> versions(String name) {
        return http.get(model(name) + "/versions", null, listOf(ModelVersion.class));
    }

    /**
     * {@code GET /api/v1/models/{name}/versions/{version}}.
     *
     * @param name the model
     * @param version the version
     * @return the version
     */
    public ModelVersion version(String name, int version) {
        return http.get(model(name) + "/versions/" + version, ModelVersion.class);
    }

    /**
     * {@code POST /api/v1/models/{name}/versions/{version}/$archive}.
     *
     * @param name the model
     * @param version the version
     * @return the archived version
     */
    public ModelVersion archive(String name, int version) {
        return http.exchange(
                "POST", model(name) + "/versions/" + version + "/$archive", null, Map.of(), type(ModelVersion.class));
    }

    /**
     * {@code PUT /api/v1/models/{name}/aliases/{alias}}.
     *
     * @param name the model
     * @param alias the alias
     * @param version the version it is to point at
     * @param expectedVersion the version it must point at now ({@code 0}: must not exist), or {@code null}
     * @return the recorded move
     */
    public AliasMove setAlias(String name, String alias, int version, Integer expectedVersion) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        if (expectedVersion != null) {
            body.put("expected_version", expectedVersion);
        }
        return http.exchange("PUT", alias(name, alias), null, body, type(AliasMove.class));
    }

    /**
     * {@code DELETE /api/v1/models/{name}/aliases/{alias}}.
     *
     * @param name the model
     * @param alias the alias
     */
    public void deleteAlias(String name, String alias) {
        http.exchange("DELETE", alias(name, alias), null, null, null);
    }

    /**
     * {@code GET /api/v1/models/{name}/alias-history}.
     *
     * @param name the model
     * @param alias only this alias, or {@code null} for all
     * @return the moves, oldest first
     */
    public List<AliasMove> aliasHistory(String name, String alias) {
        return http.get(
                model(name) + "/alias-history", alias == null ? null : Map.of("alias", alias), listOf(AliasMove.class));
    }

    /**
     * {@code GET /api/v1/models/{name}/routing}.
     *
     * @param name the model
     * @return its rule
     */
    public RoutingRule routing(String name) {
        return http.get(model(name) + "/routing", RoutingRule.class);
    }

    /**
     * {@code PUT /api/v1/models/{name}/routing}.
     *
     * @param name the model
     * @param rule the rule
     * @return the rule
     */
    public RoutingRule setRouting(String name, RoutingRule rule) {
        return http.exchange("PUT", model(name) + "/routing", null, rule, type(RoutingRule.class));
    }

    /**
     * {@code DELETE /api/v1/models/{name}/routing}.
     *
     * @param name the model
     */
    public void deleteRouting(String name) {
        http.exchange("DELETE", model(name) + "/routing", null, null, null);
    }

    /**
     * {@code POST /v2/models/{name}[/versions/{version}]/infer} with one tensor per column of {@code future} (and
     * {@code historic.<column>} tensors for {@code historic}).
     *
     * @param name the model
     * @param version a version number or alias, or {@code null} for the latest (or routed) version
     * @param historic the history, or {@code null}
     * @param future the periods to predict
     * @return the protocol's response ({@code model_version}, {@code outputs})
     */
    public JsonNode infer(String name, String version, DataFrame historic, DataFrame future) {
        List<Map<String, Object>> inputs = new java.util.ArrayList<>();
        tensors("", future, inputs);
        if (historic != null) {
            tensors("historic.", historic, inputs);
        }
        String path = "/v2/models/" + ChapkitHttp.segment(name)
                + (version == null ? "" : "/versions/" + ChapkitHttp.segment(version)) + "/infer";
        return http.exchange("POST", path, null, Map.of("inputs", inputs), type(JsonNode.class));
    }

    /**
     * {@code POST /invocations} with {@code dataframe_split}.
     *
     * @param name the model, or {@code null} for the service's
     * @param version the version, or {@code null}
     * @param historic the history, or {@code null}
     * @param future the periods to predict
     * @return the predictions, one record per row
     */
    public List<Map<String, Object>> invocations(String name, Integer version, DataFrame historic, DataFrame future) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dataframe_split", Map.of("columns", future.columns(), "data", future.rows()));
        if (historic != null) {
            body.put("historic", Map.of("columns", historic.columns(), "data", historic.rows()));
        }
        Map<String, Object> query = new LinkedHashMap<>();
        if (name != null) {
            query.put("model", name);
        }
        if (version != null) {
            query.put("version", version);
        }
        JsonNode answer = http.exchange("POST", "/invocations", query, body, type(JsonNode.class));
        return http.mapper().convertValue(answer.get("predictions"), listOf(Map.class));
    }

    private static void tensors(String prefix, DataFrame frame, List<Map<String, Object>> into) {
        for (int column = 0; column < frame.columns().size(); column++) {
            List<Object> values = new java.util.ArrayList<>();
            boolean text = false;
            for (List<Object> row : frame.rows()) {
                Object cell = row.get(column);
                values.add(cell);
                text |= cell != null && !(cell instanceof Number);
            }
            Map<String, Object> tensor = new LinkedHashMap<>();
            tensor.put("name", prefix + frame.columns().get(column));
            tensor.put("shape", List.of(values.size()));
            tensor.put("datatype", text ? "BYTES" : "FP64");
            tensor.put("data", values);
            into.add(tensor);
        }
    }

    private static String model(String name) {
        return BASE + "/" + ChapkitHttp.segment(name);
    }

    private static String alias(String name, String alias) {
        return model(name) + "/aliases/" + ChapkitHttp.segment(alias);
    }

    private JavaType type(Class<?> type) {
        return http.types().constructType(type);
    }

    private JavaType listOf(Class<?> type) {
        return http.types().constructCollectionType(List.class, type);
    }
}
