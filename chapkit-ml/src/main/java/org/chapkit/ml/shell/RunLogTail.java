package org.chapkit.ml.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.chapkit.job.RunLog;
import org.chapkit.ml.runner.ProcessOutcome;
import org.chapkit.ml.runner.RunContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a command's {@link RunLogFile} while it runs: a virtual thread reads the new lines every
 * {@link #INTERVAL}, and the rest is read when the command exited. Without a run log in the run context (a runner
 * called outside a job), the command gets no variable and nothing is read.
 */
final class RunLogTail {

    /** How often the file is read while the command runs. */
    static final Duration INTERVAL = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(RunLogTail.class);

    private final RunLogFile file;

    private RunLogTail(RunLogFile file) {
        this.file = file;
    }

    static RunLogTail of(Path logs, RunContext context) throws IOException {
        RunLog runLog = context.attribute(RunLog.class).orElse(null);
        return new RunLogTail(runLog == null ? null : new RunLogFile(logs.resolve("run-log.jsonl"), runLog));
    }

    /** The variables the command gets: {@value RunLogFile#ENV}, when there is a log. */
    Map<String, String> environment() {
        return file == null ? Map.of() : Map.of(RunLogFile.ENV, file.path());
    }

    /** A command run. */
    @FunctionalInterface
    interface Command {
        ProcessOutcome run() throws IOException;
    }

    /** Runs the command, following the file meanwhile; reads the rest when it ended, however it ended. */
    ProcessOutcome following(Command command) throws IOException {
        if (file == null) {
            return command.run();
        }
        Thread follower = Thread.ofVirtual().name("chapkit-run-log-tail").start(this::follow);
        try {
            return command.run();
        } finally {
            follower.interrupt();
            try {
                follower.join();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            try {
                file.finish();
            } catch (RuntimeException ex) {
                log.warn("Cannot read the rest of the command's run log", ex);
            }
        }
    }

    private void follow() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(INTERVAL);
                file.poll();
            } catch (InterruptedException ex) {
                return;
            } catch (RuntimeException ex) {
                log.warn("Cannot read the command's run log", ex);
            }
        }
    }
}
