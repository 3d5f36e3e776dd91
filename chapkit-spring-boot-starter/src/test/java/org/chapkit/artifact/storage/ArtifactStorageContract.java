package org.chapkit.artifact.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import org.chapkit.artifact.ArtifactContentStore;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.id.Ulids;
import org.chapkit.test.HttpApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every artifact content backend must do, over HTTP on a real port: large content streams in ({@code PUT
 * $content}) and out ({@code $download}) unchanged, replacing or deleting content (one artifact or a tree) removes its
 * bytes, an upload cut off midway leaves neither a row nor bytes, bytes a crash left without a row are swept, and the
 * backend is measured. A backend's test extends it and says how to list the content ids it holds.
 */
public abstract class ArtifactStorageContract {

    /** Larger than several chunks and several S3 parts. */
    protected static final long LARGE = 21L * 1024 * 1024 + 12_345;

    @LocalServerPort
    int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected ArtifactContentStore contents;

    @Autowired
    protected MeterRegistry meters;

    @Autowired
    protected ArtifactManager artifacts;

    protected HttpApi api;

    /** Ids of the content whose bytes the backend holds now. */
    protected abstract Set<String> storedContentIds();

    /** False for a backend whose bytes are deleted with their row (the database's foreign key). */
    protected boolean contentCanOutliveItsRow() {
        return true;
    }

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    @Test
    void largeContentStreamsBothWaysAndDeletesTakeTheBytesAlong() throws Exception {
        Set<String> before = storedContentIds();
        String root = create(null);
        String child = create(root);
        String grandchild = create(child);

        assertThat(upload(root, new PatternStream(LARGE)).statusCode()).isEqualTo(200);
        assertThat(upload(child, new PatternStream(1000)).statusCode()).isEqualTo(200);
        assertThat(upload(grandchild, new PatternStream(10)).statusCode()).isEqualTo(200);

        assertThat(api.get("/api/v1/artifacts/" + root)
                        .json()
                        .get("data")
                        .get("content_size")
                        .asLong())
                .isEqualTo(LARGE);
        assertThat(storedContentIds()).hasSize(before.size() + 3).containsAll(contentIds(root, child, grandchild));
        HttpResponse<InputStream> download = api.client()
                .send(
                        HttpRequest.newBuilder(api.uri("/api/v1/artifacts/" + root + "/$download"))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(LARGE);
        try (InputStream body = download.body()) {
            assertThat(sha256(body)).isEqualTo(sha256(new PatternStream(LARGE)));
        }

        String grandchildContent = contentId(grandchild);
        assertThat(api.send("DELETE", "/api/v1/artifacts/" + grandchild, null, null)
                        .status())
                .isEqualTo(204);
        assertThat(storedContentIds()).doesNotContain(grandchildContent).hasSize(before.size() + 2);

        // a tree delete: there is no HTTP route for it; the ML workflow and config deletes use it
        artifacts.deleteSubtree(root);
        assertThat(storedContentIds()).isEqualTo(before);
    }

    @Test
    void replacingContentDropsTheOldBytes() throws Exception {
        String id = create(null);
        upload(id, new PatternStream(5000));
        String first = contentId(id);

        upload(id, new PatternStream(7000));

        assertThat(storedContentIds()).doesNotContain(first).contains(contentId(id));
        HttpResponse<byte[]> download = api.client()
                .send(
                        HttpRequest.newBuilder(api.uri("/api/v1/artifacts/" + id + "/$download"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.body()).isEqualTo(new PatternStream(7000).readAllBytes());
    }

    @Test
    void anUploadCutOffMidwayLeavesNeitherARowNorBytes() {
        String id = create(null);
        Set<String> before = storedContentIds();
        double failedWrites = failedWrites();

        try {
            upload(id, new CutOffStream(3L * 1024 * 1024));
        } catch (IOException | InterruptedException expected) {
            // the client gave up midway, as a killed uploader does
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> failedWrites() > failedWrites);
        assertThat(api.get("/api/v1/artifacts/" + id).json().get("data").has("content_size"))
                .isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM artifact_contents WHERE artifact_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(storedContentIds()).isEqualTo(before);
    }

    @Test
    void bytesACrashLeftWithoutARowAreSweptAfterTheGracePeriod() throws Exception {
        String kept = create(null);
        upload(kept, new PatternStream(100));
        String orphan = Ulids.newUlid();
        if (contentCanOutliveItsRow()) {
            // what a crash between writing the bytes and committing their row leaves behind
            contents.storage().write(orphan, new ByteArrayInputStream(new byte[] {1, 2, 3}));
            assertThat(storedContentIds()).contains(orphan);
        }

        contents.sweepOrphans(Instant.now().minus(Duration.ofHours(1)));
        assertThat(storedContentIds().contains(orphan))
                .as("younger than the grace period: kept")
                .isEqualTo(contentCanOutliveItsRow());

        contents.sweepOrphans(Instant.now().plus(Duration.ofMinutes(1)));
        assertThat(storedContentIds()).doesNotContain(orphan).contains(contentId(kept));
    }

    @Test
    void theBackendIsMeasured() throws Exception {
        String type = contents.storage().type();
        double written = bytes(type, "written");
        double read = bytes(type, "read");
        String id = create(null);

        upload(id, new PatternStream(4096));
        api.client()
                .send(
                        HttpRequest.newBuilder(api.uri("/api/v1/artifacts/" + id + "/$download"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(bytes(type, "written") - written).isEqualTo(4096);
        assertThat(bytes(type, "read") - read).isEqualTo(4096);
        assertThat(meters.get("chapkit.artifacts.storage.operations")
                        .tags("storage", type, "operation", "write", "outcome", "success")
                        .timer()
                        .count())
                .isPositive();
    }

    protected String create(String parentId) {
        String body = parentId == null
                ? "{\"data\":{\"type\":\"generic\"}}"
                : "{\"parent_id\":\"" + parentId + "\",\"data\":{\"type\":\"generic\"}}";
        HttpApi.Response response = api.postJson("/api/v1/artifacts", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    protected HttpResponse<String> upload(String id, InputStream content) throws IOException, InterruptedException {
        return api.client()
                .send(
                        HttpRequest.newBuilder(api.uri("/api/v1/artifacts/" + id + "/$content"))
                                .header("Content-Type", "application/octet-stream")
                                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> content))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    protected String contentId(String artifactId) {
        return jdbc.sql("SELECT id FROM artifact_contents WHERE artifact_id = ?")
                .param(artifactId)
                .query(String.class)
                .single();
    }

    private Set<String> contentIds(String... artifactIds) {
        return java.util.Arrays.stream(artifactIds).map(this::contentId).collect(java.util.stream.Collectors.toSet());
    }

    private double failedWrites() {
        Timer timer = meters.find("chapkit.artifacts.storage.operations")
                .tags("storage", contents.storage().type(), "operation", "write", "outcome", "error")
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private double bytes(String type, String direction) {
        return meters.get("chapkit.artifacts.storage.bytes")
                .tags("storage", type, "direction", direction)
                .counter()
                .count();
    }

    static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A deterministic byte stream of a given length, generated on the fly. */
    protected static class PatternStream extends InputStream {

        private final long size;
        private long position;

        protected PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            if (position >= size) {
                return -1;
            }
            return (int) ((position++ * 31 + 7) & 0xff);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) ((position++ * 31 + 7) & 0xff);
            }
            return n;
        }
    }

    /** Sends {@code before} bytes, then fails, as an uploader killed midway. */
    static final class CutOffStream extends PatternStream {

        private final long before;
        private long sent;

        CutOffStream(long before) {
            super(Long.MAX_VALUE);
            this.before = before;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (sent >= before) {
                throw new IOException("uploader killed");
            }
            int n = super.read(buffer, offset, (int) Math.min(length, before - sent));
            sent += n;
            return n;
        }
    }
}
