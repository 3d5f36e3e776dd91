package org.chapkit.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * Proves that binary artifact content streams: a 200 MB artifact goes up through {@code PUT $content} and comes back
 * through {@code $download} unchanged while the whole test JVM (service included) has a heap far smaller than the
 * content. The build runs this class in its own surefire execution with {@code -Xmx128m}. H2 uses a file database
 * here, because an in-memory H2 keeps its data on the heap.
 */
class ArtifactContentStreamingTests {

    static final long SIZE = 200L * 1024 * 1024;

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ContextConfiguration(initializers = H2FileDatabase.class)
    class OnH2File extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Contract {}

    abstract static class Contract {

        @LocalServerPort
        int port;

        @Test
        void a200MegabyteArtifactRoundTripsThroughHttpWithASmallHeap() throws Exception {
            long maxHeap = Runtime.getRuntime().maxMemory();
            HttpApi api = new HttpApi(port);
            String id = api.postJson("/api/v1/artifacts", "{\"data\":{\"type\":\"ml_training_workspace\"}}")
                    .json()
                    .get("id")
                    .asString();

            HttpResponse<String> uploaded = api.client()
                    .send(
                            HttpRequest.newBuilder(api.uri("/api/v1/artifacts/" + id + "/$content"))
                                    .header("Content-Type", "application/zip")
                                    .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(SIZE)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
            assertThat(api.get("/api/v1/artifacts/" + id)
                            .json()
                            .get("data")
                            .get("content_size")
                            .asLong())
                    .isEqualTo(SIZE);

            HttpResponse<InputStream> download = api.client()
                    .send(
                            HttpRequest.newBuilder(api.uri("/api/v1/artifacts/" + id + "/$download"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(SIZE);
            String received;
            try (InputStream body = download.body()) {
                received = sha256(body);
            }
            assertThat(received).isEqualTo(sha256(new PatternStream(SIZE)));
            assertThat(maxHeap).as("the heap must be smaller than the content").isLessThan(SIZE);
        }
    }

    static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A deterministic, incompressible-looking byte stream of a given length, generated on the fly. */
    static final class PatternStream extends InputStream {

        private final long size;
        private long position;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            return at(position++);
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                target[offset + i] = (byte) at(position++);
            }
            return n;
        }

        private static int at(long index) {
            long x = index * 0x9E3779B97F4A7C15L;
            return (int) ((x ^ (x >>> 29)) >>> 24) & 0xff;
        }
    }

    /** Points the context at a fresh H2 file database in a temporary directory. */
    static final class H2FileDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Path directory;
            try {
                directory = Files.createTempDirectory("chapkit-streaming");
            } catch (IOException ex) {
                throw new IllegalStateException("Cannot create a directory for the H2 file database", ex);
            }
            directory.toFile().deleteOnExit();
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "chapkitStreamingDatabase",
                            Map.of(
                                    "spring.datasource.url",
                                    "jdbc:h2:file:" + directory.resolve("db").toAbsolutePath(),
                                    "spring.datasource.username",
                                    "sa",
                                    "spring.datasource.password",
                                    "")));
        }
    }
}
