package org.chapkit.artifact.transfer.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chapkit.artifact.ArtifactIn;
import org.chapkit.artifact.ArtifactJson;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.artifact.ArtifactOut;
import org.chapkit.artifact.StoredArtifact;
import org.chapkit.artifact.transfer.FrameRows;
import org.chapkit.artifact.transfer.TabularFormat;
import org.chapkit.artifact.transfer.TabularSource;
import org.chapkit.crud.EntityVersions;
import org.chapkit.problem.BadRequestException;
import org.chapkit.problem.ChapkitException;
import org.chapkit.problem.NotFoundException;
import org.chapkit.problem.ProblemType;
import org.chapkit.web.DecompressionLimits;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/artifacts}: moving artifact content in and out — {@code $download} (as stored, or a DataFrame as
 * csv/json/jsonl/parquet, optionally compressed), {@code $export} (the DataFrame descendants as one file),
 * {@code $import} (a DataFrame file becomes an artifact), {@code PUT $content} (binary content streamed in) and
 * {@code $rows} (a page of a stored DataFrame), all streamed with bounded memory.
 */
@RestController
@RequestMapping(path = "/api/v1/artifacts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Artifacts")
public class ArtifactTransferController {

    /** Decompression ratio used when no {@link DecompressionLimits} are given. */
    public static final int DEFAULT_DECOMPRESSION_RATIO = 100;

    /** Name of the column naming each row's artifact in {@code $export}. */
    public static final String EXPORT_LABEL_COLUMN = "artifact_id";

    private final ArtifactManager artifacts;
    private final ArtifactFrames frames;
    private final JsonMapper mapper;
    private final Map<String, TabularFormat> formats;
    private final DecompressionLimits decompression;
    private final int maxRowsLimit;

    /**
     * @param artifacts the artifact manager
     * @param frames the stored DataFrames, streamed
     * @param mapper renders JSON downloads and {@code $rows}
     * @param formats DataFrame file formats for {@code format=}, {@code $export} and {@code $import}
     * @param decompression what a compressed {@code $import} body may expand to
     * @param maxRowsLimit the largest {@code limit} of {@code $rows} ({@code chapkit.artifacts.max-rows-limit})
     */
    public ArtifactTransferController(
            ArtifactManager artifacts,
            ArtifactFrames frames,
            JsonMapper mapper,
            List<TabularFormat> formats,
            DecompressionLimits decompression,
            int maxRowsLimit) {
        if (maxRowsLimit < 1) {
            throw new IllegalArgumentException("The largest $rows limit must be at least 1, got " + maxRowsLimit);
        }
        this.artifacts = artifacts;
        this.frames = frames;
        this.mapper = mapper;
        this.decompression = decompression;
        this.maxRowsLimit = maxRowsLimit;
        Map<String, TabularFormat> byName = new LinkedHashMap<>();
        formats.forEach(format -> byName.putIfAbsent(format.name().toLowerCase(Locale.ROOT), format));
        this.formats = Map.copyOf(byName);
    }

    /**
     * One page of the rows of a DataFrame artifact, read from the stored JSON without building the whole frame, for
     * previews that must never load a large frame: 400 when the artifact holds no DataFrame or the window is invalid.
     */
    @GetMapping("/{id}/$rows")
    @Operation(
            summary = "A page of a DataFrame artifact's rows",
            description = "Rows `offset` to `offset + limit - 1` (limit 1 to chapkit.artifacts.max-rows-limit,"
                    + " default " + FrameRows.MAX_LIMIT + ") and the total row count.")
    public FrameRows rows(
            @PathVariable String id,
            @Parameter(description = "First row, from 0") @RequestParam(defaultValue = "0") int offset,
            @Parameter(
                            description = "Rows in the page, 1 to chapkit.artifacts.max-rows-limit (default "
                                    + FrameRows.MAX_LIMIT + ")")
                    @RequestParam(defaultValue = "50")
                    int limit) {
        if (offset < 0 || limit < 1 || limit > maxRowsLimit) {
            throw new BadRequestException("offset must be at least 0 and limit between 1 and " + maxRowsLimit
                    + " (chapkit.artifacts.max-rows-limit), got offset " + offset + " and limit " + limit);
        }
        return FrameRows.read(frames.frames(List.of(id), null), offset, limit, mapper);
    }

    /**
     * The artifact's content as a file: binary content streamed as stored, JSON content rendered (DataFrames as
     * records JSON or CSV). {@code format} renders DataFrame content as csv, json, jsonl or parquet, streaming the
     * rows; {@code compression} compresses the file; {@code Accept-Encoding: gzip} is honoured otherwise.
     */
    @GetMapping(path = "/{id}/$download", produces = MediaType.ALL_VALUE)
    @Operation(summary = "Download artifact content")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary")))
    public void download(
            @PathVariable String id,
            @Parameter(description = "For DataFrame content: csv, json, jsonl or parquet")
                    @RequestParam(required = false)
                    String format,
            @Parameter(description = "gzip or bzip2: compress the file") @RequestParam(required = false)
                    String compression,
            @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
            HttpServletResponse response)
            throws IOException {
        DownloadCompression packing = DownloadCompression.parse(compression);
        if (format != null) {
            TabularFormat tabular = format(format);
            TabularSource source = frames.frames(List.of(id), null);
            String fileName = "artifact_" + source.label(0) + "." + tabular.extension();
            stream(response, tabular, source, packing, acceptEncoding, fileName);
            return;
        }
        StoredArtifact artifact = artifacts.get(id);
        String contentType = ArtifactDownloads.contentType(artifact.data());
        byte[] body = artifact.hasContent() ? null : ArtifactDownloads.body(mapper, artifact.data(), contentType);
        boolean encode = startFile(
                response, packing, acceptEncoding, contentType, ArtifactDownloads.fileName(artifact.id(), contentType));
        boolean plain = packing == DownloadCompression.NONE && !encode;
        if (plain) {
            response.setContentLengthLong(
                    body != null ? body.length : artifact.content().size());
        }
        try (OutputStream out = encoded(response, packing, encode)) {
            if (body != null) {
                out.write(body);
            } else {
                try (InputStream in = artifacts.openContent(artifact.content())) {
                    in.transferTo(out);
                }
            }
        }
    }

    /**
     * The DataFrames among the artifact's descendants (for a training artifact: its predictions) as one file with a
     * leading {@code artifact_id} column, streamed part by part. Every frame must have the same columns.
     */
    @GetMapping(path = "/{id}/$export", produces = MediaType.ALL_VALUE)
    @Operation(summary = "Export the DataFrame descendants of an artifact as one file")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary")))
    public void export(
            @PathVariable String id,
            @Parameter(description = "csv (default), json, jsonl or parquet") @RequestParam(defaultValue = "csv")
                    String format,
            @Parameter(description = "gzip or bzip2: compress the file") @RequestParam(required = false)
                    String compression,
            @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
            HttpServletResponse response)
            throws IOException {
        DownloadCompression packing = DownloadCompression.parse(compression);
        TabularFormat tabular = format(format);
        List<String> ids = frames.frameDescendants(id);
        if (ids.isEmpty()) {
            throw new NotFoundException("Artifact " + id + " has no DataFrame descendants to export");
        }
        TabularSource source = frames.frames(ids, EXPORT_LABEL_COLUMN);
        stream(response, tabular, source, packing, acceptEncoding, "artifact_" + id + "_export." + tabular.extension());
    }

    /**
     * Creates an artifact holding the DataFrame read from a CSV, Parquet or JSON body, stored as
     * {@code application/vnd.chapkit.dataframe+json}. The format comes from {@code format} or the request's
     * {@code Content-Type}; a malformed body or an unknown {@code format} is answered with 400, a Content-Type that
     * names no DataFrame format (without {@code format}) with 415, and neither stores anything.
     */
    @PostMapping(path = "/$import", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Create a DataFrame artifact from a CSV, Parquet or JSON file")
    @ApiResponse(responseCode = "201", description = "Created; the artifact without its content (as in lists)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary")))
    public ResponseEntity<ArtifactOut> importFrame(
            HttpServletRequest request,
            @Parameter(description = "csv, parquet or json; from Content-Type when absent")
                    @RequestParam(required = false)
                    String format,
            @Parameter(description = "gzip or bzip2 when the body is compressed") @RequestParam(required = false)
                    String compression,
            @Parameter(description = "Parent artifact") @RequestParam(name = "parent_id", required = false)
                    String parentId,
            @Parameter(description = "Tags") @RequestParam(required = false) List<String> tags,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType)
            throws IOException {
        TabularFormat tabular = format(format != null ? format : formatOf(contentType));
        DownloadCompression packing = DownloadCompression.parse(compression);
        JsonNode frame;
        try (InputStream in = packing == DownloadCompression.NONE
                ? request.getInputStream()
                : decompression.limit(request.getInputStream(), packing::unwrap, "The " + compression + " body")) {
            frame = tabular.read(in);
        } catch (IOException ex) {
            throw new BadRequestException("Cannot read the " + tabular.name() + " body: " + ex.getMessage(), ex);
        }
        ObjectNode data = mapper.createObjectNode();
        data.put("type", "dataframe");
        data.putObject("metadata").put("source_format", tabular.name());
        data.set(ArtifactJson.CONTENT, frame);
        data.put(ArtifactJson.CONTENT_TYPE, ArtifactJson.DATAFRAME_JSON);
        ArtifactManager.Saved saved =
                artifacts.save(new ArtifactIn(null, tags, data, parentId, null), java.util.OptionalLong.empty());
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/artifacts/{id}")
                .buildAndExpand(saved.artifact().id())
                .toUri();
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(location)
                .eTag(EntityVersions.etag(saved.artifact().version()))
                // without content, as in lists: echoing a large imported table back would cost as much as the upload
                .body(artifacts.toSummary(saved.artifact()));
    }

    /**
     * Uploads binary content, streamed to the database; the request's {@code Content-Type} becomes the data's
     * {@code content_type}.
     */
    @PutMapping(path = "/{id}/$content", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Upload binary content (streamed; limit chapkit.artifacts.max-content-size)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary")))
    public ResponseEntity<ArtifactOut> uploadContent(
            @PathVariable String id,
            HttpServletRequest request,
            @Parameter(description = "ETag the artifact must still have; 409 otherwise")
                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType)
            throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > artifacts.maxContentSize()) {
            throw new ChapkitException(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "Artifact content exceeds the limit of " + artifacts.maxContentSize() + " bytes");
        }
        StoredArtifact artifact = artifacts.writeContent(
                id,
                request.getInputStream(),
                contentType == null ? ArtifactDownloads.OCTET_STREAM : contentType,
                EntityVersions.parseIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(EntityVersions.etag(artifact.version())).body(artifacts.toOut(artifact));
    }

    private TabularFormat format(String name) {
        TabularFormat tabular = formats.get(name.strip().toLowerCase(Locale.ROOT));
        if (tabular == null) {
            throw new BadRequestException("Unknown format '" + name + "'; supported: "
                    + (formats.isEmpty()
                            ? "none (chapkit-ml is not on the class path)"
                            : String.join(", ", new java.util.TreeSet<>(formats.keySet()))));
        }
        tabular.unavailableReason().ifPresent(reason -> {
            throw new ChapkitException(ProblemType.NOT_ACCEPTABLE, reason);
        });
        return tabular;
    }

    private String formatOf(String contentType) {
        if (contentType == null) {
            throw new ChapkitException(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Give format=csv|parquet|json or a Content-Type naming the format");
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (org.springframework.util.InvalidMimeTypeException ex) {
            throw new BadRequestException("Invalid Content-Type '" + contentType + "'", ex);
        }
        String base = type.getType() + "/" + type.getSubtype();
        for (TabularFormat candidate : formats.values()) {
            if (candidate.mediaType().equalsIgnoreCase(base)) {
                return candidate.name();
            }
        }
        if (base.equalsIgnoreCase(ArtifactJson.DATAFRAME_JSON)) {
            return "json";
        }
        throw new ChapkitException(
                ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type " + base + " is not a DataFrame format; send text/csv, application/vnd.apache.parquet,"
                        + " application/json or application/jsonl, or give format=csv|parquet|json|jsonl");
    }

    private void stream(
            HttpServletResponse response,
            TabularFormat tabular,
            TabularSource source,
            DownloadCompression packing,
            String acceptEncoding,
            String fileName)
            throws IOException {
        boolean encode = startFile(response, packing, acceptEncoding, tabular.mediaType(), fileName);
        try (OutputStream out = encoded(response, packing, encode)) {
            tabular.write(source, out);
        }
    }

    /** Sets status and headers; true when the body is to be sent with {@code Content-Encoding: gzip}. */
    private static boolean startFile(
            HttpServletResponse response,
            DownloadCompression packing,
            String acceptEncoding,
            String contentType,
            String fileName) {
        boolean encode = packing == DownloadCompression.NONE && DownloadCompression.acceptsGzip(acceptEncoding);
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(packing.mediaType(contentType));
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(packing.fileName(fileName))
                        .build()
                        .toString());
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (encode) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return encode;
    }

    /** The response body stream, compressed as asked; closing it finishes the compression and flushes. */
    private static OutputStream encoded(HttpServletResponse response, DownloadCompression packing, boolean encode)
            throws IOException {
        OutputStream raw = new java.io.FilterOutputStream(response.getOutputStream()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
        return (encode ? DownloadCompression.GZIP : packing).wrap(raw);
    }
}
