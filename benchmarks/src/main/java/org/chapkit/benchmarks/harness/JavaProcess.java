package org.chapkit.benchmarks.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spring Boot app in a child JVM on a free loopback port; {@link #start} returns once the app answers HTTP, so the
 * elapsed time is the wall-clock start-up time including the JVM's own.
 */
public final class JavaProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;
    private final long startupNanos;

    private JavaProcess(Process process, int port, Path log, long startupNanos) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startupNanos = startupNanos;
    }

    /**
     * Starts {@code java [jvmArgs] -cp classpath mainClass --server.port=… [appArgs]} and waits until {@code
     * readyPath} answers 200.
     */
    public static JavaProcess start(
            HarnessContext context,
            String label,
            List<String> jvmArgs,
            String classpath,
            String mainClass,
            List<String> appArgs,
            String readyPath)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(context.javaCommand());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        command.addAll(appArgs);
        Path log = Files.createTempFile(context.workDir(), label + "-", ".log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        URI ready = URI.create("http://127.0.0.1:" + port + readyPath);
        long deadline = start + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(label + " exited with " + process.exitValue() + "; log: " + log);
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(label + " did not answer within 3 minutes; log: " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return new JavaProcess(process, port, log, System.nanoTime() - start);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** The loopback port the app listens on. */
    public int port() {
        return port;
    }

    /** The operating system's process id. */
    public long pid() {
        return process.pid();
    }

    /** From launch to the first 200 answer, in milliseconds. */
    public double startupMillis() {
        return startupNanos / 1e6;
    }

    /** The file holding the child's console output. */
    public Path log() {
        return log;
    }

    /** The base URI, {@code http://127.0.0.1:port}. */
    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
