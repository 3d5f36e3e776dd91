package org.chapkit.ml.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.chapkit.ml.runner.Cancellation;
import org.chapkit.ml.runner.ProcessOutcome;

/**
 * Runs one command without a shell in its own process group, keeps the tail of its output, and kills its whole
 * process tree on timeout, cancellation or interruption (the job system interrupts on shutdown).
 */
final class ProcessSupervisor {

    private ProcessSupervisor() {}

    /**
     * Runs argv in {@code workspace}. stdout and stderr are drained as they come and only their last {@code
     * maxOutput} bytes each are kept, so a command that writes gigabytes costs no more; {@code record} notes the
     * process so that a later start can kill it if this JVM dies first; {@code environment} is added to this JVM's.
     */
    static ProcessOutcome run(
            List<String> argv,
            Path workspace,
            RunRecord record,
            Duration timeout,
            int maxOutput,
            Cancellation cancellation,
            String label,
            java.util.Map<String, String> environment)
            throws IOException {
        cancellation.throwIfCancelled();
        ProcessBuilder builder = new ProcessBuilder(ProcessTree.inOwnGroup(argv, workspace))
                .directory(workspace.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        OutputTail stdout = new OutputTail(maxOutput);
        OutputTail stderr = new OutputTail(maxOutput);
        Thread outReader = Thread.ofVirtual().start(() -> stdout.drain(process.getInputStream()));
        Thread errReader = Thread.ofVirtual().start(() -> stderr.drain(process.getErrorStream()));
        try (Cancellation.Registration registration =
                cancellation.onCancel(() -> ProcessTree.kill(process.toHandle()))) {
            record.process(process.toHandle());
            boolean finished;
            if (timeout == null) {
                process.waitFor();
                finished = true;
            } else {
                finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
            if (!finished) {
                ProcessTree.kill(process.toHandle());
                throw new CommandTimeoutException(label, timeout);
            }
            // Children that inherited the pipes may keep them open after the command exits; they belong to the run.
            ProcessTree.kill(process.toHandle());
            outReader.join();
            errReader.join();
        } catch (InterruptedException e) {
            ProcessTree.kill(process.toHandle());
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while running '" + label + "'");
        } catch (IOException | RuntimeException e) {
            ProcessTree.kill(process.toHandle());
            throw e;
        }
        if (cancellation.isCancelled()) {
            throw new CancellationException("The job was cancelled while running '" + label + "'");
        }
        return new ProcessOutcome(process.exitValue(), stdout.text(), stderr.text());
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
