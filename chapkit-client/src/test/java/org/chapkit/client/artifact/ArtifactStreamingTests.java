package org.chapkit.client.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.chapkit.client.ChapkitClient;
import org.chapkit.client.ChapkitProblemException;
import org.chapkit.client.FakeChapkitServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads and uploads stream without holding the content in memory. The test JVM runs with {@code -Xmx64m}
 * (see the module's surefire configuration), so buffering the 50 MB body would fail with OutOfMemoryError.
 */
class ArtifactStreamingTests {

    static final String ID = "01JZ00000000000000000ART01";
    static final long FIFTY_MB = 50L * 1024 * 1024;
    static final int CHUNK = 64 * 1024;

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

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code size} pseudo-random bytes in chunks and returns their SHA-256. */
    static String writeRandom(OutputStream out, long size, long seed) throws IOException {
        MessageDigest digest = sha256();
        Random random = new Random(seed);
        byte[] buffer = new byte[CHUNK];
        for (long written = 0; written < size; written += CHUNK) {
            random.nextBytes(buffer);
            int n = (int) Math.min(CHUNK, size - written);
            out.write(buffer, 0, n);
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Serves 50 MB chunked (no Content-Length), generated on the fly, and records its checksum. */
    AtomicReference<String> serveLargeDownload() {
        AtomicReference<String> served = new AtomicReference<>();
        server.on("GET", "/api/v1/artifacts/" + ID + "/$download", (exchange, body) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/zip");
            exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=artifact_" + ID + ".zip");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                served.set(writeRandom(out, FIFTY_MB, 42));
            }
        });
        return served;
    }

    @Test
    void fiftyMegabyteDownloadIsStreamedToAFile() throws IOException {
        AtomicReference<String> served = serveLargeDownload();
        Path target = dir.resolve("workspace.zip");

        ArtifactDownload download = client.artifacts().download(ID, target);

        assertThat(download.bytes()).isEqualTo(FIFTY_MB);
        assertThat(download.contentType()).isEqualTo("application/zip");
        assertThat(download.suggestedFileName()).contains("artifact_" + ID + ".zip");
        assertThat(Files.size(target)).isEqualTo(FIFTY_MB);
        MessageDigest digest = sha256();
        try (InputStream in = new java.security.DigestInputStream(Files.newInputStream(target), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(served.get());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void downloadIsStreamedToAnOutputStream() {
        AtomicReference<String> served = serveLargeDownload();
        MessageDigest digest = sha256();

        ArtifactDownload download =
                client.artifacts().download(ID, new DigestOutputStream(OutputStream.nullOutputStream(), digest));

        assertThat(download.bytes()).isEqualTo(FIFTY_MB);
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(served.get());
    }

    @Test
    void openDownloadExposesHeadersAndTheLiveStream() throws IOException {
        server.on("GET", "/api/v1/artifacts/" + ID + "/$download", (exchange, body) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/vnd.chapkit.dataframe+json");
            exchange.getResponseHeaders()
                    .set("Content-Disposition", "attachment; filename=\"artifact_" + ID + ".json\"");
            FakeChapkitServer.respond(exchange, 200, null, "[{\"location\":\"a\",\"sample_0\":1.5}]");
        });

        try (ArtifactContent content = client.artifacts().openDownload(ID)) {
            assertThat(content.contentType()).isEqualTo("application/vnd.chapkit.dataframe+json");
            assertThat(content.fileName()).isEqualTo("artifact_" + ID + ".json");
            assertThat(content.contentLength()).hasValue(33);
            assertThat(new String(content.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("[{\"location\":\"a\",\"sample_0\":1.5}]");
        }
    }

    @Test
    void failedDownloadLeavesNoFileBehind() throws IOException {
        server.json("GET", "/api/v1/artifacts/" + ID + "/$download", 404, "{\"detail\":\"Artifact has no content\"}");
        Path target = dir.resolve("missing.bin");

        assertThatThrownBy(() -> client.artifacts().download(ID, target))
                .isInstanceOfSatisfying(
                        ChapkitProblemException.class,
                        problem -> assertThat(problem.detail()).isEqualTo("Artifact has no content"));
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void contentUploadStreamsOctetsFromAnInputStreamAndAFile() throws IOException {
        AtomicLong received = new AtomicLong();
        AtomicReference<String> receivedDigest = new AtomicReference<>();
        server.on("PUT", "/api/v1/artifacts/" + ID + "/$content", (exchange, body) -> {
            MessageDigest digest = sha256();
            try (InputStream in = exchange.getRequestBody()) {
                byte[] buffer = new byte[CHUNK];
                int n;
                long total = 0;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                    total += n;
                }
                received.set(total);
            }
            receivedDigest.set(HexFormat.of().formatHex(digest.digest()));
            FakeChapkitServer.respond(exchange, 200, "application/json", """
                    {"id":"%s","created_at":"2026-06-30T10:11:12","updated_at":"2026-06-30T10:11:12","tags":[],
                     "data":{"type":"generic","content_type":"application/octet-stream","content_size":%d},
                     "parent_id":null,"level":0}""".formatted(ID, received.get()));
        });
        long size = 20L * 1024 * 1024;
        Path file = dir.resolve("upload.bin");
        String expected;
        try (OutputStream out = Files.newOutputStream(file)) {
            expected = writeRandom(out, size, 7);
        }

        Artifact<tools.jackson.databind.JsonNode> fromStream;
        try (InputStream in = Files.newInputStream(file)) {
            fromStream = client.artifacts().uploadContent(ID, in);
        }
        assertThat(received.get()).isEqualTo(size);
        assertThat(receivedDigest.get()).isEqualTo(expected);
        assertThat(fromStream.data().get("content_size").asLong()).isEqualTo(size);
        assertThat(server.last("PUT", "/api/v1/artifacts/" + ID + "/$content")
                        .headers()
                        .getFirst("Content-Type"))
                .isEqualTo("application/octet-stream");

        received.set(0);
        Artifact<tools.jackson.databind.JsonNode> fromFile = client.artifacts().uploadContent(ID, file);
        assertThat(received.get()).isEqualTo(size);
        assertThat(receivedDigest.get()).isEqualTo(expected);
        assertThat(fromFile.id()).isEqualTo(ID);
    }

    @Test
    void contentDispositionFileNamesAreParsed() {
        assertThat(ArtifactClient.fileName("attachment; filename=artifact_1.zip"))
                .isEqualTo("artifact_1.zip");
        assertThat(ArtifactClient.fileName("attachment; filename=\"a b.csv\"")).isEqualTo("a b.csv");
        assertThat(ArtifactClient.fileName("attachment; filename*=UTF-8''x.json"))
                .isEqualTo("x.json");
        assertThat(ArtifactClient.fileName("inline")).isNull();
    }
}
