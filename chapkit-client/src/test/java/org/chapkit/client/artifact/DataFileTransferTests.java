package org.chapkit.client.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.chapkit.client.ChapkitClient;
import org.chapkit.client.ChapkitProblemException;
import org.chapkit.client.FakeChapkitServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code $download?format=}, {@code $export} and {@code $import} over the wire: the query parameters and headers the
 * client sends, gzip transfer decoding, and streaming in both directions inside the module's 64 MB test heap.
 */
class DataFileTransferTests {

    static final String ID = "01JZ00000000000000000ART01";
    static final String CREATED = """
            {"id":"01JZ00000000000000000ART02","created_at":"2026-06-30T10:11:12","updated_at":"2026-06-30T10:11:12",
             "tags":["a b","c"],"data":{"type":"dataframe","content_type":"application/vnd.chapkit.dataframe+json"},
             "parent_id":"%s","level":1}""".formatted(ID);

    FakeChapkitServer server;
    ChapkitClient client;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server = new FakeChapkitServer();
        client = ChapkitClient.create(server.url());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aFiftyMegabyteGzipTransferIsDecodedWhileItStreamsToAFile() throws IOException {
        AtomicReference<String> served = new AtomicReference<>();
        server.on("GET", "/api/v1/artifacts/" + ID + "/$download", (exchange, body) -> {
            exchange.getResponseHeaders().set("Content-Type", "text/csv");
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.getResponseHeaders()
                    .set("Content-Disposition", "attachment; filename=\"artifact_" + ID + ".csv\"");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = new GZIPOutputStream(exchange.getResponseBody(), 64 * 1024)) {
                served.set(ArtifactStreamingTests.writeRandom(out, ArtifactStreamingTests.FIFTY_MB, 3));
            }
        });
        Path target = dir.resolve("frame.csv");

        ArtifactDownload download = client.artifacts()
                .download(ID, DownloadOptions.as(DataFormat.CSV).withGzipTransfer(), target);

        assertThat(download.bytes()).isEqualTo(ArtifactStreamingTests.FIFTY_MB);
        assertThat(download.contentType()).isEqualTo("text/csv");
        assertThat(download.suggestedFileName()).contains("artifact_" + ID + ".csv");
        assertThat(Files.size(target)).isEqualTo(ArtifactStreamingTests.FIFTY_MB);
        MessageDigest digest = ArtifactStreamingTests.sha256();
        try (InputStream in = Files.newInputStream(target)) {
            in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
        }
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(served.get());
        FakeChapkitServer.Recorded request = server.last("GET", "/api/v1/artifacts/" + ID + "/$download");
        assertThat(request.query()).isEqualTo("format=csv");
        assertThat(request.headers().getFirst("Accept-Encoding")).isEqualTo("gzip");
    }

    @Test
    void aCompressedFileIsWrittenAsServedAndNoGzipTransferIsAskedForIt() throws IOException {
        byte[] file = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3};
        server.on("GET", "/api/v1/artifacts/" + ID + "/$export", (exchange, body) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/gzip");
            exchange.getResponseHeaders()
                    .set("Content-Disposition", "attachment; filename=\"artifact_" + ID + "_export.jsonl.gz\"");
            exchange.sendResponseHeaders(200, file.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(file);
            }
        });
        DownloadOptions options = DownloadOptions.as(DataFormat.JSONL)
                .compressed(Compression.GZIP)
                .withGzipTransfer();
        assertThat(options.expectedContentType()).isEqualTo("application/gzip");

        try (ArtifactContent content = client.artifacts().openExport(ID, options)) {
            assertThat(content.contentType()).isEqualTo("application/gzip");
            assertThat(content.fileName()).isEqualTo("artifact_" + ID + "_export.jsonl.gz");
            assertThat(content.contentLength()).hasValue(file.length);
            assertThat(content.body().readAllBytes()).isEqualTo(file);
        }
        FakeChapkitServer.Recorded request = server.last("GET", "/api/v1/artifacts/" + ID + "/$export");
        assertThat(request.query()).isEqualTo("format=jsonl&compression=gzip");
        assertThat(request.headers().getFirst("Accept-Encoding")).isNull();
    }

    @Test
    void exportWithoutAFormatLeavesTheChoiceToTheServer() {
        server.on(
                "GET",
                "/api/v1/artifacts/" + ID + "/$export",
                (exchange, body) ->
                        FakeChapkitServer.respond(exchange, 200, "text/csv", "artifact_id,x\r\n" + ID + ",1\r\n"));

        ArtifactDownload written =
                client.artifacts().export(ID, DownloadOptions.AS_STORED, new java.io.ByteArrayOutputStream());

        assertThat(written.bytes()).isEqualTo(("artifact_id,x\r\n" + ID + ",1\r\n").length());
        assertThat(server.last("GET", "/api/v1/artifacts/" + ID + "/$export").query())
                .isNull();
    }

    @Test
    void aFailedExportIsAProblemAndLeavesNoFile() throws IOException {
        server.on(
                "GET",
                "/api/v1/artifacts/" + ID + "/$export",
                (exchange, body) ->
                        FakeChapkitServer.respond(exchange, 404, "application/problem+json", """
                {"type":"urn:servicekit:error:not-found","title":"Resource Not Found","status":404,
                 "detail":"Artifact %s has no DataFrame descendants to export"}""".formatted(ID)));
        Path target = dir.resolve("export.csv");

        assertThatThrownBy(() -> client.artifacts().export(ID, DownloadOptions.as(DataFormat.CSV), target))
                .isInstanceOfSatisfying(ChapkitProblemException.class, problem -> {
                    assertThat(problem.isNotFound()).isTrue();
                    assertThat(problem.detail()).contains("no DataFrame descendants");
                });
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void importStreamsTwentyMegabytesWithFormatCompressionParentAndTags() throws IOException {
        AtomicLong received = new AtomicLong();
        server.on("POST", "/api/v1/artifacts/$import", (exchange, body) -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.set(in.transferTo(OutputStream.nullOutputStream()));
            }
            FakeChapkitServer.respond(exchange, 201, "application/json", CREATED);
        });
        long size = 20L * 1024 * 1024;
        Path file = dir.resolve("frame.csv.gz");
        try (OutputStream out = Files.newOutputStream(file)) {
            ArtifactStreamingTests.writeRandom(out, size, 5);
        }

        Artifact<JsonNode> fromFile = client.artifacts()
                .importFrame(file, ImportOptions.forFile(file).withParent(ID).withTags("a b", "c"));

        assertThat(received.get()).isEqualTo(size);
        assertThat(fromFile.parentId()).isEqualTo(ID);
        assertThat(fromFile.tags()).containsExactly("a b", "c");
        FakeChapkitServer.Recorded request = server.last("POST", "/api/v1/artifacts/$import");
        assertThat(request.query()).isEqualTo("format=csv&compression=gzip&parent_id=" + ID + "&tags=a+b&tags=c");
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("text/csv");

        received.set(0);
        try (InputStream in = Files.newInputStream(file)) {
            client.artifacts().importFrame(in, ImportOptions.of(DataFormat.PARQUET));
        }
        assertThat(received.get()).isEqualTo(size);
        request = server.last("POST", "/api/v1/artifacts/$import");
        assertThat(request.query()).isEqualTo("format=parquet");
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/vnd.apache.parquet");
    }

    @Test
    void theEchoedFrameOfAnImportIsSkippedWhileReadingSoALargeOneFitsASmallHeap() {
        server.on("POST", "/api/v1/artifacts/$import", (exchange, body) -> {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(("{\"id\":\"" + ID + "\",\"created_at\":\"2026-06-30T10:11:12\",\"tags\":[\"t\"],"
                                + "\"data\":{\"type\":\"dataframe\",\"metadata\":{\"source_format\":\"csv\"},"
                                + "\"content\":{\"columns\":[\"a\",\"b\"],\"data\":[[0,\"x\"]")
                        .getBytes(StandardCharsets.UTF_8));
                byte[] row = ",[1234567,\"location_1\"]".getBytes(StandardCharsets.UTF_8);
                for (long written = 0; written < ArtifactStreamingTests.FIFTY_MB; written += row.length) {
                    out.write(row);
                }
                out.write(("]},\"content_type\":\"application/vnd.chapkit.dataframe+json\"},"
                                + "\"parent_id\":null,\"level\":0}")
                        .getBytes(StandardCharsets.UTF_8));
            }
        });

        Artifact<JsonNode> created = client.artifacts()
                .importFrame(
                        new java.io.ByteArrayInputStream("a,b\n0,x\n".getBytes(StandardCharsets.UTF_8)),
                        ImportOptions.of(DataFormat.CSV));

        assertThat(created.id()).isEqualTo(ID);
        assertThat(created.tags()).containsExactly("t");
        assertThat(created.level()).isZero();
        assertThat(created.data().has("content")).isFalse();
        assertThat(created.data().get("type").asString()).isEqualTo("dataframe");
        assertThat(created.data().get("metadata").get("source_format").asString())
                .isEqualTo("csv");
        assertThat(created.data().get("content_type").asString()).isEqualTo("application/vnd.chapkit.dataframe+json");
    }

    @Test
    void aMalformedImportIsAProblemWithItsDetail() {
        server.on("POST", "/api/v1/artifacts/$import", (exchange, body) -> {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            FakeChapkitServer.respond(
                    exchange,
                    400,
                    "application/problem+json",
                    "{\"type\":\"urn:servicekit:error:bad-request\",\"title\":\"Bad Request\",\"status\":400,"
                            + "\"detail\":\"Cannot read the json body: unexpected end\"}");
        });

        assertThatThrownBy(() -> client.artifacts()
                        .importFrame(
                                new java.io.ByteArrayInputStream("[{".getBytes(StandardCharsets.UTF_8)),
                                ImportOptions.of(DataFormat.JSON)))
                .isInstanceOfSatisfying(ChapkitProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.detail()).isEqualTo("Cannot read the json body: unexpected end");
                });
    }

    @Test
    void formatsAndCompressionsAreReadFromFileNames() {
        assertThat(ImportOptions.forFile(Path.of("a/predictions.CSV")))
                .isEqualTo(new ImportOptions(DataFormat.CSV, Compression.NONE, null, List.of()));
        assertThat(ImportOptions.forFile(Path.of("x.jsonl.bz2")))
                .isEqualTo(new ImportOptions(DataFormat.JSONL, Compression.BZIP2, null, List.of()));
        assertThat(ImportOptions.forFile(Path.of("x.json.gz")).format()).isEqualTo(DataFormat.JSON);
        assertThat(DataFormat.ofFileName("frame.parquet")).contains(DataFormat.PARQUET);
        assertThat(DataFormat.ofFileName("frame.gz")).isEmpty();
        assertThatThrownBy(() -> ImportOptions.forFile(Path.of("model.zip")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model.zip");
        assertThat(DataFormat.JSONL.wireValue()).isEqualTo("jsonl");
        assertThat(Compression.NONE.wireValue()).isNull();
        assertThat(Compression.BZIP2.mediaType("text/csv")).isEqualTo("application/x-bzip2");
        assertThat(DownloadOptions.as(DataFormat.PARQUET).expectedContentType())
                .isEqualTo("application/vnd.apache.parquet");
    }
}
