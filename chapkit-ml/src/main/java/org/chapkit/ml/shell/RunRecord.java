package org.chapkit.ml.shell;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one run of a command leaves on disk so that a later start can clean up after a crash: the JVM that owns the
 * run, its workspace and the command's process (pid and start time, so a recycled pid is never killed). Kept as
 * {@value #FILE} in the run's log directory, next to (not inside) the workspace.
 */
final class RunRecord {

    static final String FILE = "chapkit-run.properties";
    static final String LOG_DIR_PREFIX = "chapkit_ml_logs_";
    static final String WORKSPACE_PREFIX = "chapkit_ml_";

    private static final Logger log = LoggerFactory.getLogger(RunRecord.class);

    private final Path file;
    private final Properties values = new Properties();

    private RunRecord(Path file) {
        this.file = file;
    }

    /** Records that this JVM owns {@code workspace}, in {@code logDir}. */
    static RunRecord start(Path logDir, Path workspace) throws IOException {
        RunRecord record = new RunRecord(logDir.resolve(FILE));
        ProcessHandle self = ProcessHandle.current();
        record.values.setProperty("owner.pid", Long.toString(self.pid()));
        record.values.setProperty("owner.start", Long.toString(ProcessTree.startMillis(self)));
        record.values.setProperty("workspace", workspace.toAbsolutePath().toString());
        record.save();
        return record;
    }

    /** Adds the started command's process. */
    void process(ProcessHandle process) throws IOException {
        values.setProperty("process.pid", Long.toString(process.pid()));
        values.setProperty("process.start", Long.toString(ProcessTree.startMillis(process)));
        save();
    }

    private void save() throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            values.store(out, "chapkit shell run");
        }
    }

    /**
     * Cleans what runs of dead JVMs left under {@code tempRoot}: kills their command's process tree if it still runs
     * and deletes their workspace and log directory. Runs of live JVMs (this one, or another service sharing the temp
     * directory) are left alone.
     *
     * @return how many leftover runs were cleaned
     */
    static int cleanLeftovers(Path tempRoot) {
        if (!Files.isDirectory(tempRoot)) {
            return 0;
        }
        int cleaned = 0;
        try (Stream<Path> entries = Files.list(tempRoot)) {
            for (Path logDir : entries.filter(p -> p.getFileName().toString().startsWith(LOG_DIR_PREFIX))
                    .toList()) {
                if (cleanIfLeftOver(tempRoot, logDir)) {
                    cleaned++;
                }
            }
        } catch (IOException ex) {
            log.warn("Cannot look for leftover shell runs in {}: {}", tempRoot, ex.toString());
        }
        return cleaned;
    }

    private static boolean cleanIfLeftOver(Path tempRoot, Path logDir) {
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(logDir.resolve(FILE), StandardCharsets.UTF_8)) {
            values.load(in);
        } catch (IOException ex) {
            return false; // not a run record (or being written right now)
        }
        if (alive(values, "owner").isPresent()) {
            return false;
        }
        alive(values, "process").ifPresent(process -> {
            log.warn("Killing process {} left running by a crashed shell run", process.pid());
            ProcessTree.kill(process);
        });
        String workspace = values.getProperty("workspace");
        if (workspace != null) {
            Path dir = Path.of(workspace).toAbsolutePath().normalize();
            // only ever delete a workspace this runner created
            if (tempRoot.toAbsolutePath().normalize().equals(dir.getParent())
                    && dir.getFileName().toString().startsWith(WORKSPACE_PREFIX)) {
                Workspaces.deleteRecursively(dir);
            }
        }
        Workspaces.deleteRecursively(logDir);
        log.info("Cleaned leftover shell run {}", logDir);
        return true;
    }

    private static Optional<ProcessHandle> alive(Properties values, String prefix) {
        try {
            return ProcessTree.same(
                    Long.parseLong(values.getProperty(prefix + ".pid", "-1")),
                    Long.parseLong(values.getProperty(prefix + ".start", "-1")));
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }
}
