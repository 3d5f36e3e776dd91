package org.chapkit.events.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.chapkit.events.test.app.EventsTestApplication;

/**
 * {@link EventsTestApplication} in a child JVM (this JVM's class path), for tests that kill a service with
 * {@code kill -9} ({@link Process#destroyForcibly()}): no shutdown hook, no context close, no lease given back — what
 * was committed and not delivered is only in the database.
 */
public final class ChildService implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final Path log;
    private final int port;

    private ChildService(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the service in a child JVM and waits until it serves HTTP.
     *
     * @param properties its properties ({@code spring.datasource.*}, the adapter's), passed as arguments
     * @return the running child
     */
    public static ChildService start(Map<String, Object> properties) {
        try {
            Path dir = Files.createTempDirectory("chapkit-child-");
            Path portFile = dir.resolve("port");
            Path log = dir.resolve("child.log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx256m");
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-D" + EventsTestApplication.PORT_FILE + "=" + portFile);
            command.add("-cp");
            command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
            command.add(EventsTestApplication.class.getName());
            properties.forEach((key, value) -> command.add("--" + key + "=" + value));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!Files.exists(portFile) || Files.readString(portFile).isBlank()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The child service exited with " + process.exitValue()
                            + "; its log: " + log + "\n" + tail(log));
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("The child service did not start within " + START_TIMEOUT
                            + "; its log: " + log + "\n" + tail(log));
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            return new ChildService(
                    process, log, Integer.parseInt(Files.readString(portFile).strip()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The child's HTTP port.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /** Kills the child as {@code kill -9} does and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The child service did not die within 30 s");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Whether the child still runs.
     *
     * @return {@code true} until it is killed or exits
     */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the child if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException ex) {
            return "(no log: " + ex + ")";
        }
    }

    @Override
    public String toString() {
        return "child service on port " + port + " (log " + log + ")";
    }
}
