package org.chapkit.sample.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's {@code chromium} run headless as a separate process: it loads a page, runs its scripts (with a virtual
 * time budget so fetches and timers settle) and prints the resulting DOM. The flags are the ones that keep Chromium
 * quiet on a machine without internet access.
 */
final class HeadlessChromium {

    /**
     * The flags every headless Chromium of the browser tests starts with: no sandbox (root in CI), and none of the
     * background traffic (updates, sync, QUIC) that this machine's closed network refuses.
     */
    static final List<String> FLAGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private static final List<String> CANDIDATES = List.of(
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome",
            "/usr/bin/google-chrome-stable");

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /**
     * The browser named by the {@code CHROMIUM} environment variable, or the first one installed at a usual place.
     *
     * @return the browser, or empty when none is installed
     */
    static Optional<HeadlessChromium> find() {
        String configured = System.getenv("CHROMIUM");
        Stream<String> paths = configured != null ? Stream.of(configured) : CANDIDATES.stream();
        return paths.map(Path::of).filter(Files::isExecutable).findFirst().map(HeadlessChromium::new);
    }

    /**
     * The browser a browser test runs in: {@link #find()}'s, else the test fails under {@code CI=true} (so a CI machine
     * without a browser cannot pass it silently) and is skipped elsewhere.
     *
     * @return the browser
     */
    static HeadlessChromium requireForTests() {
        Optional<HeadlessChromium> chromium = find();
        if (chromium.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(
                    "CI=true but no Chromium is installed (apt-get install chromium, or set CHROMIUM=/path/to/chrome)");
        }
        Assumptions.assumeTrue(
                chromium.isPresent(), "no Chromium installed (apt-get install chromium); browser tests skipped");
        return chromium.orElseThrow();
    }

    /** The executable. */
    Path binary() {
        return binary;
    }

    /**
     * Loads {@code url} and returns the DOM after the page's scripts ran.
     *
     * @param url the page
     * @param virtualTimeBudgetMillis how much (virtual) time the page's fetches and timers get
     * @return the serialized DOM
     */
    String renderedDom(String url, int virtualTimeBudgetMillis) {
        Path profile = null;
        try {
            profile = Files.createTempDirectory("chapkit-chromium-");
            Path dom = profile.resolve("dom.html");
            List<String> command = new ArrayList<>();
            command.add(binary.toString());
            command.addAll(FLAGS);
            command.addAll(List.of(
                    "--user-data-dir=" + profile.resolve("profile"),
                    "--virtual-time-budget=" + virtualTimeBudgetMillis,
                    "--dump-dom",
                    url));
            Process process = new ProcessBuilder(command)
                    .redirectOutput(dom.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("Chromium did not finish rendering " + url + " within 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Chromium exited with " + process.exitValue() + " on " + url);
            }
            return Files.readString(dom, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rendering " + url, ex);
        } finally {
            if (profile != null) {
                try {
                    FileSystemUtils.deleteRecursively(profile);
                } catch (IOException ignored) {
                    // a leftover temp profile is harmless
                }
            }
        }
    }
}
