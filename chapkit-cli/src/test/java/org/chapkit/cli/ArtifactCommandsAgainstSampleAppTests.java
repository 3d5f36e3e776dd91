package org.chapkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.chapkit.client.ChapkitClient;
import org.chapkit.client.artifact.Artifact;
import org.chapkit.client.artifact.DataFormat;
import org.chapkit.client.artifact.ImportOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * {@code chapkit artifact list|download|export} against the sample app's packaged jar, started with
 * {@code java -jar} on a real port. The jar's own class path must carry Parquet: an artifact is downloaded as
 * Parquet, imported again from that file and compared with the original.
 */
class ArtifactCommandsAgainstSampleAppTests {

    private static final String CSV = "location,cases,rainfall\nOslo,3,12.5\nBergen,7,30.25\n";

    @TempDir
    static Path work;

    private static Process sample;
    private static String url;
    private static ChapkitClient client;

    @BeforeAll
    static void startTheSampleAppJar() throws Exception {
        Path jar = sampleJar();
        assumeTrue(Files.isRegularFile(jar), "the sample app is packaged first (mvn verify): " + jar);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        url = "http://127.0.0.1:" + port;
        sample = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        jar.toString(),
                        "--server.port=" + port,
                        "--spring.datasource.url=jdbc:h2:file:" + work.resolve("data/sample"),
                        "--chapkit.registration.enabled=false")
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("sample.log").toFile())
                .start();
        sample.getOutputStream().close();
        awaitHealthy();
        client = ChapkitClient.builder().baseUrl(url).build();
    }

    @AfterAll
    static void stopTheSampleApp() throws Exception {
        if (client != null) {
            client.close();
        }
        if (sample != null) {
            sample.destroy();
            if (!sample.waitFor(30, TimeUnit.SECONDS)) {
                sample.destroyForcibly();
            }
        }
    }

    @Test
    void theJarShipsParquetAndNotTablesaw() throws IOException {
        try (JarFile jar = new JarFile(sampleJar().toFile())) {
            List<String> libraries = jar.stream()
                    .map(JarEntry::getName)
                    .filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .toList();
            assertThat(libraries)
                    .anyMatch(name -> name.startsWith("BOOT-INF/lib/parquet-hadoop-"))
                    .anyMatch(name -> name.startsWith("BOOT-INF/lib/hadoop-client-runtime-"))
                    .noneMatch(
                            name -> name.contains("tablesaw") || name.contains("fastutil") || name.contains("icu4j"));
        }
    }

    @Test
    void listNamesEveryArtifactWithItsParent() throws IOException {
        Artifact<JsonNode> parent = importCsv(null);
        Artifact<JsonNode> child = importCsv(parent.id());

        String out = run("artifact", "list", "--url", url);

        assertThat(out).contains(parent.id() + "  level 0");
        assertThat(out).contains(child.id() + "  level 1").contains("parent " + parent.id());
    }

    @Test
    void aParquetDownloadImportsBackToTheSameFrame() throws IOException {
        Artifact<JsonNode> original = importCsv(null);
        Path parquet = work.resolve("original.parquet");

        String out = run(
                "artifact", "download", original.id(), "--format", "parquet", "-o", parquet.toString(), "--url", url);

        assertThat(out).contains(parquet + "  " + Files.size(parquet) + " bytes  application/vnd.apache.parquet");
        byte[] bytes = Files.readAllBytes(parquet);
        assertThat(new String(Arrays.copyOfRange(bytes, 0, 4), StandardCharsets.US_ASCII))
                .isEqualTo("PAR1");
        assertThat(new String(Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length), StandardCharsets.US_ASCII))
                .isEqualTo("PAR1");

        Artifact<JsonNode> reimported = client.artifacts().importFrame(parquet);
        Path csv = work.resolve("reimported.csv");
        run("artifact", "download", reimported.id(), "--format", "csv", "-o", csv.toString(), "--url", url);

        assertThat(Files.readString(csv).replace("\r\n", "\n")).isEqualTo(CSV);
    }

    @Test
    void exportWritesEveryFrameBelowAnArtifactAsOneFile() throws IOException {
        Artifact<JsonNode> parent = importCsv(null);
        Artifact<JsonNode> first = importCsv(parent.id());
        Artifact<JsonNode> second = importCsv(parent.id());
        Path export = work.resolve("export.csv");

        String out = run("artifact", "export", parent.id(), "--format", "csv", "-o", export.toString(), "--url", url);

        assertThat(out).contains(export + "  " + Files.size(export) + " bytes");
        assertThat(Files.readString(export).replace("\r\n", "\n").lines())
                .contains(first.id() + ",Oslo,3,12.5", first.id() + ",Bergen,7,30.25")
                .contains(second.id() + ",Oslo,3,12.5", second.id() + ",Bergen,7,30.25");
    }

    @Test
    void downloadingAnUnknownArtifactFailsWithTheServersProblem() {
        StringWriter err = new StringWriter();
        CommandLine command = ChapkitCommand.commandLine();
        command.setOut(new PrintWriter(new StringWriter()));
        command.setErr(new PrintWriter(err));

        int status = command.execute(
                "artifact",
                "download",
                "01JAAAAAAAAAAAAAAAAAAAAAAA",
                "-o",
                work.resolve("none").toString(),
                "--url",
                url);

        assertThat(status).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("chapkit: GET " + url + "/api/v1/artifacts/01JAAAAAAAAAAAAAAAAAAAAAAA/$download")
                .contains("failed: 404");
    }

    private static Path sampleJar() {
        return Path.of(System.getProperty("chapkit.cli.root", ".."))
                .resolve("chapkit-sample-app/target/chapkit-sample-app-" + ProjectGenerator.chapkitVersion() + ".jar");
    }

    private static Artifact<JsonNode> importCsv(String parentId) throws IOException {
        Path file = Files.writeString(Files.createTempFile(work, "frame", ".csv"), CSV);
        ImportOptions options = ImportOptions.of(DataFormat.CSV);
        return client.artifacts().importFrame(file, parentId == null ? options : options.withParent(parentId));
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = ChapkitCommand.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int status = command.execute(args);
        assertThat(status)
                .as("exit status of chapkit %s; stderr: %s", String.join(" ", args), err)
                .isZero();
        return out.toString();
    }

    private static void awaitHealthy() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!sample.isAlive()) {
                throw new IllegalStateException(
                        "the sample app exited: " + Files.readString(work.resolve("sample.log")));
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(
                "the sample app did not become healthy: " + Files.readString(work.resolve("sample.log")));
    }
}
