package org.chapkit.client.artifact;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chapkit.client.ChapkitClientException;
import org.chapkit.client.EntityStats;
import org.chapkit.client.Page;
import org.chapkit.client.Versioned;
import org.chapkit.client.config.Config;
import org.chapkit.client.http.ChapkitHttp;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

/** Access to {@code /api/v1/artifacts}: CRUD, hierarchy, metadata, and streamed download and upload of content. */
public final class ArtifactClient {

    private static final String BASE = "/api/v1/artifacts";
    private static final String OCTET_STREAM = "application/octet-stream";
    private static final Pattern FILE_NAME =
            Pattern.compile("filename\\*?=(?:UTF-8'')?\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    private final ChapkitHttp http;
    private final JavaType artifactType;
    private final JavaType artifactListType;
    private final JavaType pageType;

    /**
     * Creates the client.
     *
     * @param http the shared transport
     */
    public ArtifactClient(ChapkitHttp http) {
        this.http = http;
        this.artifactType = typeOf(JsonNode.class);
        this.artifactListType = http.types().constructCollectionType(List.class, artifactType);
        this.pageType = http.types().constructParametricType(Page.class, artifactType);
    }

    private JavaType typeOf(Class<?> dataType) {
        return http.types().constructParametricType(Artifact.class, dataType);
    }

    /**
     * {@code POST /api/v1/artifacts}.
     *
     * @param request the artifact to store
     * @return the stored artifact
     */
    public Artifact<JsonNode> create(ArtifactRequest<?> request) {
        return http.exchange("POST", BASE, null, request, artifactType);
    }

    /**
     * {@code GET /api/v1/artifacts}: every artifact, without {@code data.content}.
     *
     * @return all artifacts
     */
    public List<Artifact<JsonNode>> list() {
        return http.get(BASE, null, artifactListType);
    }

    /**
     * {@code GET /api/v1/artifacts?page=&size=}, without {@code data.content}.
     *
     * @param page 1-based page number
     * @param size page size
     * @return the page
     */
    public Page<Artifact<JsonNode>> list(int page, int size) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("page", page);
        query.put("size", size);
        return http.get(BASE, query, pageType);
    }

    /**
     * {@code GET /api/v1/artifacts/{id}}, with content.
     *
     * @param id artifact id
     * @return the artifact
     */
    public Artifact<JsonNode> get(String id) {
        return http.get(path(id), null, artifactType);
    }

    /**
     * {@code GET /api/v1/artifacts/{id}} with {@code data} read as {@code dataType}.
     *
     * @param id artifact id
     * @param dataType the record to read {@code data} as
     * @param <D> the data type
     * @return the artifact
     */
    public <D> Artifact<D> get(String id, Class<D> dataType) {
        return http.get(path(id), null, typeOf(dataType));
    }

    /**
     * {@code PUT /api/v1/artifacts/{id}}.
     *
     * @param id artifact id
     * @param request the new values
     * @return the stored artifact
     */
    public Artifact<JsonNode> update(String id, ArtifactRequest<?> request) {
        return http.exchange("PUT", path(id), null, request, artifactType);
    }

    /**
     * {@code GET /api/v1/artifacts/{id}} with the artifact's {@code ETag}, for a later conditional update or delete.
     *
     * @param id artifact id
     * @return the artifact and its ETag
     */
    public Versioned<Artifact<JsonNode>> getVersioned(String id) {
        return http.exchange("GET", path(id), null, null, artifactType, null);
    }

    /**
     * {@code PUT /api/v1/artifacts/{id}} with {@code If-Match}: replaces the artifact only if it still has the
     * given ETag, and answers 409 ({@link org.chapkit.client.ChapkitProblemException#isConflict()}) otherwise.
     *
     * @param id artifact id
     * @param request the new values
     * @param ifMatch the ETag from {@link #getVersioned(String)} or an earlier update
     * @return the stored artifact and its new ETag
     */
    public Versioned<Artifact<JsonNode>> update(String id, ArtifactRequest<?> request, String ifMatch) {
        return http.exchange("PUT", path(id), null, request, artifactType, Objects.requireNonNull(ifMatch, "ifMatch"));
    }

    /**
     * {@code DELETE /api/v1/artifacts/{id}} with {@code If-Match}: deletes only if the artifact still has the
     * given ETag, 409 otherwise.
     *
     * @param id artifact id
     * @param ifMatch the ETag from {@link #getVersioned(String)} or an update
     */
    public void delete(String id, String ifMatch) {
        http.exchange("DELETE", path(id), null, null, null, Objects.requireNonNull(ifMatch, "ifMatch"));
    }

    /**
     * {@code DELETE /api/v1/artifacts/{id}}.
     *
     * @param id artifact id
     */
    public void delete(String id) {
        http.exchange("DELETE", path(id), null, null, null);
    }

    /**
     * {@code GET /api/v1/artifacts/$schema}.
     *
     * @return the JSON Schema of an artifact
     */
    public JsonNode schema() {
        return http.get(BASE + "/$schema", JsonNode.class);
    }

    /**
     * {@code GET /api/v1/artifacts/$stats}.
     *
     * @return the number of artifacts
     */
    public EntityStats stats() {
        return http.get(BASE + "/$stats", EntityStats.class);
    }

    /**
     * {@code GET /api/v1/artifacts/{id}/$expand}: the artifact with its hierarchy labels, no children.
     *
     * @param id artifact id
     * @return the node
     */
    public ArtifactTreeNode expand(String id) {
        return http.get(path(id) + "/$expand", ArtifactTreeNode.class);
    }

    /**
     * {@code GET /api/v1/artifacts/{id}/$tree}: the subtree rooted at the artifact.
     *
     * @param id artifact id
     * @return the root node with its descendants
     */
    public ArtifactTreeNode tree(String id) {
        return http.get(path(id) + "/$tree", ArtifactTreeNode.class);
    }

    /**
     * {@code GET /api/v1/artifacts/{id}/$config}: the config linked to the artifact's root.
     *
     * @param id artifact id
     * @param configType the service's config type
     * @param <T> the config type
     * @return the config
     */
    public <T> Config<T> config(String id, Class<T> configType) {
        return http.get(path(id) + "/$config", null, http.types().constructParametricType(Config.class, configType));
    }

    /**
     * {@code GET /api/v1/artifacts/{id}/$metadata}: {@code data.metadata}, or an empty object.
     *
     * @param id artifact id
     * @return the metadata
     */
    public JsonNode metadata(String id) {
        return http.get(path(id) + "/$metadata", JsonNode.class);
    }

    /**
     * {@code GET /api/v1/artifacts/{id}/$metadata} read as a record, for example
     * {@link org.chapkit.client.ml.MlMetadata}.
     *
     * @param id artifact id
     * @param metadataType the record type
     * @param <M> the metadata type
     * @return the metadata
     */
    public <M> M metadata(String id, Class<M> metadataType) {
        return http.get(path(id) + "/$metadata", metadataType);
    }

    /**
     * {@code GET /api/v1/artifacts/{id}/$download} as an open stream. The caller must close the result.
     *
     * @param id artifact id
     * @return the open content
     */
    public ArtifactContent openDownload(String id) {
        HttpResponse<InputStream> response = http.open("GET", path(id) + "/$download", null, "*/*");
        String contentType = response.headers().firstValue("Content-Type").orElse(OCTET_STREAM);
        String fileName = response.headers()
                .firstValue("Content-Disposition")
                .map(ArtifactClient::fileName)
                .orElse(null);
        OptionalLong length = response.headers().firstValueAsLong("Content-Length");
        return new ArtifactContent(contentType, fileName, length, response.body());
    }

    /**
     * Downloads an artifact's content into a stream, chunk by chunk; the content is never held in memory.
     *
     * @param id artifact id
     * @param out where to write; not closed
     * @return what was written
     */
    public ArtifactDownload download(String id, OutputStream out) {
        Objects.requireNonNull(out, "out");
        try (ArtifactContent content = openDownload(id)) {
            long bytes = content.body().transferTo(out);
            return new ArtifactDownload(content.contentType(), content.fileName(), bytes);
        } catch (IOException e) {
            throw new ChapkitClientException("Downloading artifact " + id + " failed", e);
        }
    }

    /**
     * Downloads an artifact's content into a file, streaming. The content goes to a temporary file next to
     * {@code target} first and is moved into place only when complete, so a failed download never leaves a
     * truncated file at {@code target}.
     *
     * @param id artifact id
     * @param target the file to write (replaced if it exists)
     * @return what was written
     */
    public ArtifactDownload download(String id, Path target) {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path partial = null;
        try {
            partial = Files.createTempFile(directory, absolute.getFileName().toString(), ".part");
            ArtifactDownload result;
            try (OutputStream out = Files.newOutputStream(partial)) {
                result = download(id, out);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            partial = null;
            return result;
        } catch (IOException e) {
            throw new ChapkitClientException("Writing artifact " + id + " to " + target + " failed", e);
        } finally {
            if (partial != null) {
                deletePartial(partial);
            }
        }
    }

    private static void deletePartial(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new ChapkitClientException("Could not remove the partial download " + partial, e);
        }
    }

    /**
     * {@code PUT /api/v1/artifacts/{id}/$content}: uploads binary content from a stream as
     * {@code application/octet-stream}, without buffering it. (A Chapkit-for-Java extension of the contract.)
     *
     * @param id artifact id
     * @param content the bytes to upload; read to the end and closed
     * @return the updated artifact, or {@code null} when the server answered without a body
     */
    public Artifact<JsonNode> uploadContent(String id, InputStream content) {
        return uploadContent(id, content, OCTET_STREAM);
    }

    /**
     * {@code PUT /api/v1/artifacts/{id}/$content} from a stream with a content type (which the server stores as
     * {@code data.content_type}, e.g. {@code application/zip}).
     *
     * @param id artifact id
     * @param content the bytes to upload; read to the end and closed
     * @param contentType the MIME type of the content
     * @return the updated artifact, or {@code null} when the server answered without a body
     */
    public Artifact<JsonNode> uploadContent(String id, InputStream content, String contentType) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(contentType, "contentType");
        boolean[] opened = {false};
        return http.upload(
                "PUT",
                path(id) + "/$content",
                contentType,
                BodyPublishers.ofInputStream(() -> {
                    if (opened[0]) {
                        throw new IllegalStateException("An InputStream upload cannot be retried");
                    }
                    opened[0] = true;
                    return content;
                }),
                null,
                artifactType);
    }

    /**
     * {@code PUT /api/v1/artifacts/{id}/$content} from a file, streamed.
     *
     * @param id artifact id
     * @param file the file to upload
     * @return the updated artifact, or {@code null} when the server answered without a body
     */
    public Artifact<JsonNode> uploadContent(String id, Path file) {
        return uploadContent(id, file, OCTET_STREAM);
    }

    /**
     * {@code PUT /api/v1/artifacts/{id}/$content} from a file with a content type, streamed.
     *
     * @param id artifact id
     * @param file the file to upload
     * @param contentType the MIME type of the content
     * @return the updated artifact, or {@code null} when the server answered without a body
     */
    public Artifact<JsonNode> uploadContent(String id, Path file, String contentType) {
        Objects.requireNonNull(contentType, "contentType");
        try {
            return http.upload(
                    "PUT", path(id) + "/$content", contentType, BodyPublishers.ofFile(file), null, artifactType);
        } catch (FileNotFoundException e) {
            throw new ChapkitClientException("Cannot upload " + file + ": file not found", e);
        }
    }

    static String fileName(String contentDisposition) {
        Matcher matcher = FILE_NAME.matcher(contentDisposition);
        return matcher.find() ? matcher.group(1).trim() : null;
    }

    private static String path(String id) {
        return BASE + "/" + ChapkitHttp.segment(id);
    }
}
