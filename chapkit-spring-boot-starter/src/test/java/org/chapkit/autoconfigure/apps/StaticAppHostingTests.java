package org.chapkit.autoconfigure.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chapkit.test.H2DatabaseInitializer;
import org.chapkit.test.HttpApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Static apps from a file-system directory and the class path: an app at {@code /} replaces the landing page, API
 * routes keep precedence, and no request path reaches a file outside an app's directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = H2DatabaseInitializer.class)
class StaticAppHostingTests {

    private static final String SECRET = "top-secret-value-7f3a";
    private static Path appsRoot;

    @LocalServerPort
    int port;

    HttpApi api;

    @DynamicPropertySource
    static void apps(DynamicPropertyRegistry registry) throws IOException {
        appsRoot = Files.createTempDirectory("chapkit-apps");
        Files.writeString(appsRoot.resolve("secret.txt"), SECRET);
        Path files = Files.createDirectories(appsRoot.resolve("files"));
        Files.writeString(
                files.resolve("manifest.json"),
                "{\"name\":\"Files\",\"version\":\"1\",\"prefix\":\"/files\",\"entry\":\"start.html\"}");
        Files.writeString(files.resolve("start.html"), "<html>files app</html>");
        Files.writeString(files.resolve("style.css"), "body{}");
        Files.write(files.resolve("font.woff2"), new byte[] {0x77, 0x4f, 0x46, 0x32});
        Path sub = Files.createDirectories(files.resolve("sub"));
        Files.writeString(sub.resolve("index.html"), "<html>sub index</html>");
        Path bad = Files.createDirectories(appsRoot.resolve("discovered-bad"));
        Files.writeString(bad.resolve("manifest.json"), "{\"name\":\"Bad\",\"version\":\"1\",\"prefix\":\"/api/x\"}");
        Path good = Files.createDirectories(appsRoot.resolve("discovered-good"));
        Files.writeString(good.resolve("manifest.json"), "{\"name\":\"Good\",\"version\":\"1\",\"prefix\":\"/good\"}");
        Files.writeString(good.resolve("index.html"), "<html>good</html>");

        registry.add("chapkit.apps.apps[0].location", () -> files.toUri().toString());
        registry.add("chapkit.apps.apps[1].location", () -> "classpath:testapps/rootapp/");
        registry.add("chapkit.apps.apps[2].location", () -> "classpath:testapps/dash/");
        registry.add("chapkit.apps.apps[2].prefix", () -> "/renamed");
        registry.add("chapkit.apps.directories[0]", () -> appsRoot.toUri().toString());
    }

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    @Test
    void rootAppReplacesTheLandingPageButApiRoutesWin() {
        assertThat(api.get("/").body()).contains("root app");
        assertThat(api.get("/api/v1/info").json().get("id").asString()).isEqualTo("test-service");
        assertThat(api.get("/health").json().get("status").asString()).isEqualTo("healthy");
    }

    @Test
    void fileSystemAppServesEntrySubdirectoryIndexAndMimeTypes() {
        assertThat(api.get("/files/").body()).contains("files app");
        assertThat(api.get("/files/sub/").body()).contains("sub index");
        assertThat(api.get("/files/style.css").contentType()).startsWith("text/css");
        assertThat(api.get("/files/font.woff2").contentType()).startsWith("font/woff2");
        assertThat(api.get("/files").status()).isEqualTo(307);
    }

    @Test
    void prefixOverrideAndDirectoryDiscoveryAreListedAndInvalidAppsSkipped() {
        var apps = api.get("/api/v1/system/apps").json();
        java.util.List<String> prefixes = new java.util.ArrayList<>();
        apps.forEach(app -> prefixes.add(app.get("prefix").asString()));
        assertThat(prefixes).contains("/files", "/renamed", "/good", "/").doesNotContain("/api/x", "/dash");
        assertThat(prefixes.get(prefixes.size() - 1)).isEqualTo("/");
        assertThat(api.get("/renamed/").body()).contains("dashboard");
        assertThat(api.get("/good/").body()).contains("good");
        var root = apps.get(prefixes.indexOf("/"));
        assertThat(root.get("name").asString()).isEqualTo("Root App");
        assertThat(root.get("is_package").asBoolean()).isTrue();
        assertThat(apps.get(prefixes.indexOf("/files")).get("is_package").asBoolean())
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/files/../secret.txt",
                "/files/%2e%2e/secret.txt",
                "/files/%2E%2E/secret.txt",
                "/files/..%2fsecret.txt",
                "/files/..%5csecret.txt",
                "/files/..\\secret.txt",
                "/files/%252e%252e/secret.txt",
                "/files/%c0%ae%c0%ae/secret.txt",
                "/files/....//secret.txt",
                "/files/sub/../../secret.txt",
                "/files//..//secret.txt",
                "/files/%2e%2e%2fsecret.txt",
                "/../secret.txt",
                "/%2e%2e/%2e%2e/etc/passwd",
                "/renamed/../../application.properties",
                "/renamed/%2e%2e/%2e%2e/application.properties",
                "/application.properties",
                "/files/file:///etc/passwd",
                "/files/%2fetc%2fpasswd"
            })
    void traversalNeverReachesFilesOutsideTheApp(String rawPath) throws IOException {
        String response = rawGet(rawPath);
        String statusLine = response.lines().findFirst().orElse("");
        assertThat(statusLine).as(rawPath).matches("HTTP/1\\.1 (400|404)( .*)?");
        assertThat(response)
                .as(rawPath)
                .doesNotContain(SECRET)
                .doesNotContain("root:x:0:0")
                .doesNotContain("chapkit.service.id");
    }

    /** Sends the path byte for byte, without any client-side normalisation or encoding. */
    private String rawGet(String rawPath) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
