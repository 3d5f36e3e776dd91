package org.chapkit.client.artifact;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest.BodyPublisher;
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
import java.util.zip.GZIPInputStream;
import org.chapkit.client.ChapkitClientException;
import org.chapkit.client.EntityStats;
import org.chapkit.client.Page;
import org.chapkit.client.Versioned;
import org.chapkit.client.config.Config;
import org.chapkit.client.http.ChapkitHttp;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.filter.FilteringParserDelegate;
import tools.jackson.core.filter.TokenFilter;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

/**
 * Access to {@code /api/v1/artifacts}: CRUD, hierarchy, metadata, streamed download and upload of content, and
 * DataFrame files ({@code $download?format=}, {@code $export}, {@code $import}).
 */
public final class ArtifactClient {

    private static final String BASE = "/api/v1/artifacts";
    private static final String OCTET_STREAM = "application/octet-stream";
    private static final int DECODE_BUFFER = 64 * 1024;
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
        return openDownload(id, DownloadOptions.AS_STORED);
    }

    /**
     * {@code GET /api/v1/artifacts/{id}/$download?format=&compression=} as an open stream: DataFrame content
     * rendered as CSV, JSON, JSON Lines or Parquet and optionally compressed. The caller must close the result. A
     * {@code Content-Encoding: gzip} response (see {@link DownloadOptions#withGzipTransfer()}) is decompressed as it
     * is read.
     *
     * @param id artifact id
     * @param options format and compression
     * @return the open content
     * @throws org.chapkit.client.ChapkitProblemException 400 for an unknown format or an artifact without
     *     DataFrame content, 404 for an unknown artifact, 406 when the service lacks the Parquet jars
     */
    public ArtifactContent openDownload(String id, DownloadOptions options) {
        return open(path(id) + "/$download", options);
    }

    /**
     * Downloads an artifact's content into a stream, chunk by chunk; the content is never held in memory.
     *
     * @param id artifact id
     * @param out where to write; not closed
     * @return what was written
     */
    public ArtifactDownload download(String id, OutputStream out) {
        return download(id, DownloadOptions.AS_STORED, out);
    }

    /**
     * Downloads an artifact's content rendered as {@code options} ask into a stream, chunk by chunk; the file is
     * never held in memory.
     *
     * @param id artifact id
     * @param options format and compression
     * @param out where to write; not closed
     * @return what was written
     */
    public ArtifactDownload download(String id, DownloadOptions options, OutputStream out) {
        return copy("Downloading artifact " + id, () -> openDownload(id, options), out);
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
        return download(id, DownloadOptions.AS_STORED, target);
    }

    /**
     * Downloads an artifact's content rendered as {@code options} ask into a file, streaming, with the same
     * guarantee as {@link #download(String, Path)}: no truncated file is ever left at {@code target}.
     *
     * @param id artifact id
     * @param options format and compression
     * @param target the file to write (replaced if it exists)
     * @return what was written
     */
    public ArtifactDownload download(String id, DownloadOptions options, Path target) {
        return toFile("artifact " + id, target, out -> download(id, options, out));
    }

    /**
     * {@code GET /api/v1/artifacts/{id}/$export?format=&compression=} as an open stream: every DataFrame
     * descendant of the artifact (for a trained model: its predictions) as one file with a leading
     * {@code artifact_id} column. The caller must close the result.
     *
     * @param id the ancestor artifact's id
     * @param options format ({@code null}: CSV) and compression
     * @return the open content
     * @throws org.chapkit.client.ChapkitProblemException 404 when the artifact is unknown or has no DataFrame
     *     descendants, 400 for an unknown format or frames with different columns
     */
    public ArtifactContent openExport(String id, DownloadOptions options) {
        return open(path(id) + "/$export", options);
    }

    /**
     * Exports the DataFrame descendants of an artifact into a stream, chunk by chunk (see
     * {@link #openExport(String, DownloadOptions)}).
     *
     * @param id the ancestor artifact's id
     * @param options format ({@code null}: CSV) and compression
     * @param out where to write; not closed
     * @return what was written
     */
    public ArtifactDownload export(String id, DownloadOptions options, OutputStream out) {
        return copy("Exporting artifact " + id, () -> openExport(id, options), out);
    }

    /**
     * Exports the DataFrame descendants of an artifact into a file, streaming; no truncated file is ever left at
     * {@code target}.
     *
     * @param id the ancestor artifact's id
     * @param options format ({@code null}: CSV) and compression
     * @param target the file to write (replaced if it exists)
     * @return what was written
     */
    public ArtifactDownload export(String id, DownloadOptions options, Path target) {
        return toFile("the export of artifact " + id, target, out -> export(id, options, out));
    }

    /**
     * {@code POST /api/v1/artifacts/$import}: creates a root DataFrame artifact from a file, streamed; format and
     * compression are read from the file name ({@code frame.csv}, {@code frame.parquet}, {@code frame.jsonl.gz} …,
     * see {@link ImportOptions#forFile(Path)}).
     *
     * @param file the file
     * @return the created artifact without {@code data.content} (data {@code type: dataframe}, {@code content_type:
     *     application/vnd.chapkit.dataframe+json}); {@link #get(String)} reads the frame
     * @throws IllegalArgumentException when the file name names no format
     */
    public Artifact<JsonNode> importFrame(Path file) {
        return importFrame(file, ImportOptions.forFile(file));
    }

    /**
     * {@code POST /api/v1/artifacts/$import} from a file, streamed.
     *
     * @param file the file
     * @param options format, compression, parent and tags
     * @return the created artifact without {@code data.content}, which the service echoes but the client skips
     *     while reading (a large frame would not fit a small heap as a JSON tree); {@link #get(String)} reads it
     * @throws org.chapkit.client.ChapkitProblemException 400 when the file is malformed (nothing is stored), 413
     *     when it exceeds the service's request size limit
     */
    public Artifact<JsonNode> importFrame(Path file, ImportOptions options) {
        try {
            return importFrame(BodyPublishers.ofFile(file), options);
        } catch (FileNotFoundException e) {
            throw new ChapkitClientException("Cannot import " + file + ": file not found", e);
        }
    }

    /**
     * {@code POST /api/v1/artifacts/$import} from a stream, sent as it is read (chunked), with the format's media
     * type as {@code Content-Type}.
     *
     * @param body the file's bytes; read to the end and closed
     * @param options format, compression, parent and tags
     * @return the created artifact without {@code data.content}, which the service echoes but the client skips
     *     while reading (a large frame would not fit a small heap as a JSON tree); {@link #get(String)} reads it
     * @throws org.chapkit.client.ChapkitProblemException 400 when the body is malformed (nothing is stored)
     */
    public Artifact<JsonNode> importFrame(InputStream body, ImportOptions options) {
        return importFrame(oneShot(Objects.requireNonNull(body, "body")), options);
    }

    /**
     * Sends the file and reads the answer as a stream, leaving out {@code data.content}: the service echoes the whole
     * imported frame, which as a JSON tree would need several times the file's size in heap.
     */
    private Artifact<JsonNode> importFrame(BodyPublisher body, ImportOptions options) {
        Objects.requireNonNull(options, "options");
        HttpResponse<InputStream> response = http.openUpload(
                "POST", BASE + "/$import", options.query(), options.format().mediaType(), body, null);
        try (InputStream in = response.body();
                JsonParser parser = new FilteringParserDelegate(
                        http.mapper().createParser(in),
                        WithoutContent.ARTIFACT,
                        TokenFilter.Inclusion.INCLUDE_ALL_AND_PATH,
                        true)) {
            return http.mapper().readValue(parser, artifactType);
        } catch (IOException e) {
            throw new ChapkitClientException("POST " + response.uri() + ": reading the response failed", e);
        } catch (JacksonException e) {
            throw new ChapkitClientException("POST " + response.uri() + ": response is not an artifact", e);
        }
    }

    /** Passes an artifact's JSON through except {@code data.content}. */
    private static final class WithoutContent extends TokenFilter {

        static final WithoutContent ARTIFACT = new WithoutContent(false);
        static final WithoutContent DATA = new WithoutContent(true);

        private final boolean inData;

        private WithoutContent(boolean inData) {
            this.inData = inData;
        }

        @Override
        public TokenFilter includeProperty(String name) {
            if (inData) {
                return "content".equals(name) ? null : TokenFilter.INCLUDE_ALL;
            }
            return "data".equals(name) ? DATA : TokenFilter.INCLUDE_ALL;
        }
    }

    private ArtifactContent open(String path, DownloadOptions options) {
        Objects.requireNonNull(options, "options");
        Map<String, String> headers = options.acceptsGzip() ? Map.of("Accept-Encoding", "gzip") : Map.of();
        HttpResponse<InputStream> response = http.open("GET", path, options.query(), "*/*", headers);
        String contentType = response.headers().firstValue("Content-Type").orElse(OCTET_STREAM);
        String fileName = response.headers()
                .firstValue("Content-Disposition")
                .map(ArtifactClient::fileName)
                .orElse(null);
        boolean gzipped = response.headers()
                .firstValue("Content-Encoding")
                .map(coding -> coding.strip().equalsIgnoreCase("gzip"))
                .orElse(false);
        if (!gzipped) {
            OptionalLong length = response.headers().firstValueAsLong("Content-Length");
            return new ArtifactContent(contentType, fileName, length, response.body());
        }
        InputStream raw = response.body();
        try {
            return new ArtifactContent(
                    contentType, fileName, OptionalLong.empty(), new GZIPInputStream(raw, DECODE_BUFFER));
        } catch (IOException e) {
            closeQuietly(raw, e);
            throw new ChapkitClientException("GET " + response.uri() + ": the gzip-encoded body is unreadable", e);
        }
    }

    private static void closeQuietly(InputStream in, IOException failure) {
        try {
            in.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    @FunctionalInterface
    private interface Opener {
        ArtifactContent open();
    }

    @FunctionalInterface
    private interface Writer {
        ArtifactDownload writeTo(OutputStream out);
    }

    private static ArtifactDownload copy(String what, Opener opener, OutputStream out) {
        Objects.requireNonNull(out, "out");
        try (ArtifactContent content = opener.open()) {
            long bytes = content.body().transferTo(out);
            return new ArtifactDownload(content.contentType(), content.fileName(), bytes);
        } catch (IOException e) {
            throw new ChapkitClientException(what + " failed", e);
        }
    }

    /** Writes to a temporary file next to {@code target} and moves it into place only when complete. */
    private static ArtifactDownload toFile(String what, Path target, Writer writer) {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path partial = null;
        try {
            partial = Files.createTempFile(directory, absolute.getFileName().toString(), ".part");
            ArtifactDownload result;
            try (OutputStream out = Files.newOutputStream(partial)) {
                result = writer.writeTo(out);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            partial = null;
            return result;
        } catch (IOException e) {
            throw new ChapkitClientException("Writing " + what + " to " + target + " failed", e);
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
        return http.upload("PUT", path(id) + "/$content", contentType, oneShot(content), null, artifactType);
    }

    /** A publisher of a stream that can be sent once: the JDK client must not replay a consumed stream. */
    private static BodyPublisher oneShot(InputStream content) {
        boolean[] opened = {false};
        return BodyPublishers.ofInputStream(() -> {
            if (opened[0]) {
                throw new IllegalStateException("An InputStream upload cannot be retried");
            }
            opened[0] = true;
            return content;
        });
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
