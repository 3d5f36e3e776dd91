package org.chapkit.ml.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chapkit.job.RunLog;
import org.chapkit.job.RunLogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RunLogFile}: complete lines are read as they are appended, the last line without newline only at the end,
 * bad lines are skipped and counted in a tag, and the entries keep the run log's own rules.
 */
class RunLogFileTests {

    @TempDir
    Path dir;

    @Test
    void readsCompleteLinesWhileRunningAndTheRestAtTheEnd() throws Exception {
        Recorder log = new Recorder();
        RunLogFile file = new RunLogFile(dir.resolve("run-log.jsonl"), log);
        append(file, "{\"metric\":\"rmse\",\"value\":2.5,\"step\":1}\n{\"param\":\"alpha\",\"value\":0.1}\n{\"tag\":");
        file.poll();
        assertThat(log.entries).extracting(RunLogEntry::name).containsExactly("rmse", "alpha");
        assertThat(log.entries.get(1).text()).isEqualTo("0.1");

        append(file, "\"stage\",\"value\":\"fit\"}\n{\"metric\":\"mae\",\"value\":1}");
        file.poll();
        assertThat(log.entries).extracting(RunLogEntry::name).containsExactly("rmse", "alpha", "stage");
        file.finish();
        assertThat(log.entries).extracting(RunLogEntry::name).containsExactly("rmse", "alpha", "stage", "mae");
        assertThat(log.entries.get(3).step()).isZero();
        assertThat(log.tags).isEmpty();
    }

    @Test
    void badLinesAreSkippedAndCounted() throws Exception {
        Recorder log = new Recorder();
        RunLogFile file = new RunLogFile(dir.resolve("run-log.jsonl"), log);
        append(
                file,
                String.join(
                        "\n",
                        "not json",
                        "[1,2]",
                        "{\"metric\":\"rmse\",\"value\":\"high\"}",
                        "{\"metric\":\"r:mse\",\"value\":1}",
                        "{\"other\":1}",
                        "",
                        "{\"metric\":\"ok\",\"value\":1,\"step\":2}",
                        ""));
        file.finish();
        assertThat(log.entries).extracting(RunLogEntry::name).containsExactly("ok");
        assertThat(log.tags).containsEntry(RunLogFile.REJECTED_TAG, "5");
    }

    private static void append(RunLogFile file, String text) throws Exception {
        Files.writeString(Path.of(file.path()), text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** A run log that keeps what it is given, checked as the real one checks it. */
    private static final class Recorder implements RunLog {
        final List<RunLogEntry> entries = new ArrayList<>();
        final Map<String, String> tags = new LinkedHashMap<>();

        @Override
        public void metric(String name, double value, long step) {
            entries.add(RunLogEntry.metric(name, value, step, java.time.Instant.EPOCH));
        }

        @Override
        public void param(String name, String value) {
            entries.add(RunLogEntry.param(name, value, java.time.Instant.EPOCH));
        }

        @Override
        public void tag(String name, String value) {
            RunLogEntry entry = RunLogEntry.tag(name, value, java.time.Instant.EPOCH);
            if (name.startsWith("chapkit.")) {
                tags.put(name, value);
            } else {
                entries.add(entry);
            }
        }

        @Override
        public Map<String, Double> latestMetrics() {
            return Map.of();
        }
    }
}
