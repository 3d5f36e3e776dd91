package org.chapkit.client.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chapkit.client.EntityStats;
import org.chapkit.client.Page;
import org.chapkit.client.Versioned;
import org.chapkit.client.artifact.Artifact;
import org.chapkit.client.http.ChapkitHttp;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

/**
 * Typed access to {@code /api/v1/configs}. Obtain one with {@code ChapkitClient.configs(MyConfig.class)}; every
 * config's {@code data} is read as {@code T}. Use {@code JsonNode.class} or {@code Map.class} for untyped access.
 *
 * @param <T> the service's config type
 */
public final class ConfigClient<T> {

    private static final String BASE = "/api/v1/configs";

    private final ChapkitHttp http;
    private final JavaType configType;
    private final JavaType configListType;
    private final JavaType pageType;
    private final JavaType artifactListType;

    /**
     * Creates the client.
     *
     * @param http the shared transport
     * @param dataType the class of the config's {@code data}
     */
    public ConfigClient(ChapkitHttp http, Class<T> dataType) {
        this.http = http;
        this.configType = http.types().constructParametricType(Config.class, dataType);
        this.configListType = http.types().constructCollectionType(List.class, configType);
        this.pageType = http.types().constructParametricType(Page.class, configType);
        JavaType artifactType = http.types().constructParametricType(Artifact.class, JsonNode.class);
        this.artifactListType = http.types().constructCollectionType(List.class, artifactType);
    }

    /**
     * {@code POST /api/v1/configs}: creates a config (or upserts one when the request names an existing id).
     *
     * @param request the config to store
     * @return the stored config
     */
    public Config<T> create(ConfigRequest<T> request) {
        return http.exchange("POST", BASE, null, request, configType);
    }

    /**
     * {@code POST /api/v1/configs} with a name and data.
     *
     * @param name name of the config
     * @param data the config values
     * @return the stored config
     */
    public Config<T> create(String name, T data) {
        return create(ConfigRequest.of(name, data));
    }

    /**
     * {@code GET /api/v1/configs}: every config.
     *
     * @return all configs
     */
    public List<Config<T>> list() {
        return http.get(BASE, null, configListType);
    }

    /**
     * {@code GET /api/v1/configs?page=&size=}.
     *
     * @param page 1-based page number
     * @param size page size
     * @return the page
     */
    public Page<Config<T>> list(int page, int size) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("page", page);
        query.put("size", size);
        return http.get(BASE, query, pageType);
    }

    /**
     * {@code GET /api/v1/configs/{id}}.
     *
     * @param id config id
     * @return the config
     * @throws org.chapkit.client.ChapkitProblemException 404 when there is no such config
     */
    public Config<T> get(String id) {
        return http.get(path(id), null, configType);
    }

    /**
     * {@code PUT /api/v1/configs/{id}}: replaces name and data (and tags, if given).
     *
     * @param id config id
     * @param request the new values
     * @return the stored config
     */
    public Config<T> update(String id, ConfigRequest<T> request) {
        return http.exchange("PUT", path(id), null, request, configType);
    }

    /**
     * {@code GET /api/v1/configs/{id}} with the config's {@code ETag}, for a later conditional update or delete.
     *
     * @param id config id
     * @return the config and its ETag
     */
    public Versioned<Config<T>> getVersioned(String id) {
        return http.exchange("GET", path(id), null, null, configType, null);
    }

    /**
     * {@code PUT /api/v1/configs/{id}} with {@code If-Match}: replaces the config only if it still has the given
     * ETag, and answers 409 ({@link org.chapkit.client.ChapkitProblemException#isConflict()}) otherwise.
     *
     * @param id config id
     * @param request the new values
     * @param ifMatch the ETag from {@link #getVersioned(String)} or an earlier update
     * @return the stored config and its new ETag
     */
    public Versioned<Config<T>> update(String id, ConfigRequest<T> request, String ifMatch) {
        return http.exchange("PUT", path(id), null, request, configType, Objects.requireNonNull(ifMatch, "ifMatch"));
    }

    /**
     * {@code DELETE /api/v1/configs/{id}} with {@code If-Match}: deletes only if the config still has the given
     * ETag, 409 otherwise.
     *
     * @param id config id
     * @param ifMatch the ETag from {@link #getVersioned(String)} or an update
     */
    public void delete(String id, String ifMatch) {
        http.exchange("DELETE", path(id), null, null, null, Objects.requireNonNull(ifMatch, "ifMatch"));
    }

    /**
     * {@code DELETE /api/v1/configs/{id}}; also deletes the artifact trees linked to it.
     *
     * @param id config id
     */
    public void delete(String id) {
        http.exchange("DELETE", path(id), null, null, null);
    }

    /**
     * {@code GET /api/v1/configs/$schema}: the JSON Schema of the config data class.
     *
     * @return the schema (read its {@code properties})
     */
    public JsonNode schema() {
        return http.get(BASE + "/$schema", JsonNode.class);
    }

    /**
     * {@code GET /api/v1/configs/$stats}.
     *
     * @return the number of configs
     */
    public EntityStats stats() {
        return http.get(BASE + "/$stats", EntityStats.class);
    }

    /**
     * {@code POST /api/v1/configs/{id}/$link-artifact}: links a root artifact to the config.
     *
     * @param id config id
     * @param artifactId id of a root artifact
     */
    public void linkArtifact(String id, String artifactId) {
        http.exchange("POST", path(id) + "/$link-artifact", null, new ArtifactLink(artifactId), null);
    }

    /**
     * {@code POST /api/v1/configs/{id}/$unlink-artifact}.
     *
     * @param id config id
     * @param artifactId id of the linked artifact
     */
    public void unlinkArtifact(String id, String artifactId) {
        http.exchange("POST", path(id) + "/$unlink-artifact", null, new ArtifactLink(artifactId), null);
    }

    /**
     * {@code GET /api/v1/configs/{id}/$artifacts}: the root artifacts linked to the config, with content.
     *
     * @param id config id
     * @return the linked artifacts
     */
    public List<Artifact<JsonNode>> artifacts(String id) {
        return http.get(path(id) + "/$artifacts", null, artifactListType);
    }

    private static String path(String id) {
        return BASE + "/" + ChapkitHttp.segment(id);
    }
}
