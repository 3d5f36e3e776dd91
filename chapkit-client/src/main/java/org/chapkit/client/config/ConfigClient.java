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
 * Typed access to {@code /api/v1/configs}, or to one config type's {@code /api/v1/config-types/{type}/configs}.
 * Obtain one with {@code ChapkitClient.configs(MyConfig.class)} or {@code ChapkitClient.configs("ensemble",
 * EnsembleConfig.class)}; every config's {@code data} is read as {@code T}. Use {@code JsonNode.class} or
 * {@code Map.class} for untyped access. The paths in the method descriptions are the default type's; a client of
 * another type sends the same requests under that type's path. Artifact links exist for the default type only.
 *
 * @param <T> the config type's record
 */
public final class ConfigClient<T> {

    private static final String DEFAULT_BASE = "/api/v1/configs";

    private final ChapkitHttp http;
    private final String base;
    private final JavaType configType;
    private final JavaType versionType;
    private final JavaType versionListType;
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
        this(DEFAULT_BASE, http, dataType);
    }

    /**
     * Creates the client of one config type.
     *
     * @param http the shared transport
     * @param typeName the config type's name ({@code default} is the type {@code /api/v1/configs} serves)
     * @param dataType the class of the type's {@code data}
     */
    public ConfigClient(ChapkitHttp http, String typeName, Class<T> dataType) {
        this(
                "/api/v1/config-types/" + ChapkitHttp.segment(Objects.requireNonNull(typeName, "typeName"))
                        + "/configs",
                http,
                dataType);
    }

    private ConfigClient(String base, ChapkitHttp http, Class<T> dataType) {
        this.http = http;
        this.base = base;
        this.configType = http.types().constructParametricType(Config.class, dataType);
        this.versionType = http.types().constructParametricType(ConfigVersion.class, dataType);
        this.versionListType = http.types().constructCollectionType(List.class, versionType);
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
        return http.exchange("POST", base, null, request, configType);
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
        return http.get(base, null, configListType);
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
        return http.get(base, query, pageType);
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
        return http.get(base + "/$schema", JsonNode.class);
    }

    /**
     * {@code GET /api/v1/configs/$stats}.
     *
     * @return the number of configs
     */
    public EntityStats stats() {
        return http.get(base + "/$stats", EntityStats.class);
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

    /**
     * {@code GET /api/v1/configs/{id}/versions}: every kept version of the config, oldest first.
     *
     * @param id config id
     * @return its versions
     * @throws org.chapkit.client.ChapkitProblemException 404 when there is no such config
     */
    public List<ConfigVersion<T>> versions(String id) {
        return http.get(path(id) + "/versions", null, versionListType);
    }

    /**
     * {@code GET /api/v1/configs/{id}/versions/{version}}.
     *
     * @param id config id
     * @param version the version
     * @return that version
     * @throws org.chapkit.client.ChapkitProblemException 404 when there is no such config or version
     */
    public ConfigVersion<T> version(String id, long version) {
        return http.get(path(id) + "/versions/" + version, null, versionType);
    }

    /**
     * {@code GET /api/v1/configs/{id}/$diff?from=}: what changed from a version to the current one.
     *
     * @param id config id
     * @param from the older version
     * @return the changes
     */
    public ConfigDiff diff(String id, long from) {
        return http.get(path(id) + "/$diff", Map.of("from", from), http.types().constructType(ConfigDiff.class));
    }

    /**
     * {@code GET /api/v1/configs/{id}/$diff?from=&to=}: what changed between two versions.
     *
     * @param id config id
     * @param from the older version
     * @param to the newer version
     * @return the changes
     */
    public ConfigDiff diff(String id, long from, long to) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("from", from);
        query.put("to", to);
        return http.get(path(id) + "/$diff", query, http.types().constructType(ConfigDiff.class));
    }

    /**
     * {@code POST /api/v1/configs/{id}/$rollback}: the version's name, tags and data become current again, as a new
     * version (validated against today's schema).
     *
     * @param id config id
     * @param version the version to restore
     * @return the config at its new version
     */
    public Config<T> rollback(String id, long version) {
        return http.exchange("POST", path(id) + "/$rollback", null, Map.of("version", version), configType);
    }

    /**
     * {@code POST /api/v1/configs/{id}/$rollback} with {@code If-Match}: rolls back only if the config still has the
     * given ETag, 409 otherwise.
     *
     * @param id config id
     * @param version the version to restore
     * @param ifMatch the ETag from {@link #getVersioned(String)} or an update
     * @return the config at its new version and its ETag
     */
    public Versioned<Config<T>> rollback(String id, long version, String ifMatch) {
        return http.exchange(
                "POST",
                path(id) + "/$rollback",
                null,
                Map.of("version", version),
                configType,
                Objects.requireNonNull(ifMatch, "ifMatch"));
    }

    private String path(String id) {
        return base + "/" + ChapkitHttp.segment(id);
    }
}
