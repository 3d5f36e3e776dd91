package org.chapkit.ml.shell;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.chapkit.ml.runner.Cancellation;
import org.chapkit.ml.runner.ProcessOutcome;

/**
 * Runs one command without a shell, captures its output and exit code, and kills its whole process tree on
 * timeout or cancellation.
 */
final class ProcessSupervisor {

    private ProcessSupervisor() {}

    /**
     * Runs argv in {@code workspace}; stdout and stderr go to files under {@code logDir} (outside the workspace,
     * so they are not zipped and cannot fill a pipe).
     */
    static ProcessOutcome run(
            List<String> argv, Path workspace, Path logDir, Duration timeout, Cancellation cancellation, String label)
            throws IOException {
        cancellation.throwIfCancelled();
        Path stdout = logDir.resolve("stdout.log");
        Path stderr = logDir.resolve("stderr.log");
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(workspace.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Process process = builder.start();
        try (Cancellation.Registration registration = cancellation.onCancel(() -> killTree(process.toHandle()))) {
            boolean finished;
            if (timeout == null) {
                process.waitFor();
                finished = true;
            } else {
                finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
            if (!finished) {
                killTree(process.toHandle());
                throw new CommandTimeoutException(label, timeout);
            }
        } catch (InterruptedException e) {
            killTree(process.toHandle());
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while running '" + label + "'");
        }
        if (cancellation.isCancelled()) {
            killTree(process.toHandle());
            throw new CancellationException("The job was cancelled while running '" + label + "'");
        }
        return new ProcessOutcome(process.exitValue(), read(stdout), read(stderr));
    }

    /**
     * Kills a process and all its descendants. The descendants are listed before the root dies (afterwards they
     * would be re-parented and no longer found), then the root is killed first so it cannot start new children.
     */
    static void killTree(ProcessHandle root) {
        List<ProcessHandle> descendants = root.descendants().toList();
        root.destroyForcibly();
        for (ProcessHandle descendant : descendants) {
            List<ProcessHandle> grandChildren = descendant.descendants().toList();
            descendant.destroyForcibly();
            grandChildren.forEach(ProcessHandle::destroyForcibly);
        }
        root.onExit().join();
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(java.nio.ByteBuffer.wrap(bytes))
                .toString();
    }
}
