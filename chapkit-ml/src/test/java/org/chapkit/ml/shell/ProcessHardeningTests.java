package org.chapkit.ml.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.runner.RunContext;
import org.chapkit.ml.runner.TrainInput;
import org.chapkit.ml.runner.TrainResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell runner against hostile commands: one that writes 1 GB to stdout, one that leaves a daemon behind, and the
 * processes and workspaces a killed JVM leaves for the next start.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ProcessHardeningTests {

    record Config(@JsonProperty("prediction_periods") int predictionPeriods) {}

    @TempDir
    Path project;

    @TempDir
    Path temp;

    final DataFrame data = DataFrame.of(List.of("time_period", "location"), List.of(DataFrame.row("2020-01", "a")));

    ShellModelRunner<Config> runner(String train, long maxOutput) {
        return ShellModelRunner.builder(Config.class, train, "true")
                .projectRoot(project)
                .tempRoot(temp.resolve("work"))
                .timeout(Duration.ofMinutes(1))
                .maxOutputSize(maxOutput)
                .build();
    }

    @Test
    void aCommandWritingOneGigabyteToStdoutKeepsOnlyTheTail() throws Exception {
        ShellModelRunner<Config> runner =
                runner("sh -c 'head -c 1073741824 /dev/zero; printf end; echo fine >&2'", 4096);

        TrainResult<WorkspaceArchive> trained =
                runner.train(new TrainInput<>(new Config(1), data, null), RunContext.none());

        assertThat(trained.succeeded()).isTrue();
        String stdout = trained.process().stdout();
        assertThat(stdout)
                .startsWith("[output cut: 1073741827 bytes written, only the last 4096 are kept]\n")
                .endsWith("end")
                .hasSizeLessThan(4096 + 100);
        assertThat(trained.process().stderr()).isEqualTo("fine\n");
        assertThat(Files.list(temp.resolve("work"))).isEmpty();
    }

    @Test
    void configuredWorkspaceLimitsBoundWhatATrainingMayLeave() throws Exception {
        TrainInput<Config> input = new TrainInput<>(new Config(1), data, null);
        String fiveFiles = "sh -c 'for i in 1 2 3 4 5; do echo $i > f$i.txt; done'";
        // the workspace holds config.yml, data.csv and the script's five files
        assertThat(runner(fiveFiles, 4096).train(input, RunContext.none()).succeeded())
                .isTrue();

        ShellModelRunner<Config> fewFiles = ShellModelRunner.builder(Config.class, fiveFiles, "true")
                .projectRoot(project)
                .tempRoot(temp.resolve("work"))
                .workspaceLimits(4, 1024 * 1024, 100)
                .build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fewFiles.train(input, RunContext.none()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("more than 4 files (chapkit.ml.shell.workspace.max-entries)");

        ShellModelRunner<Config> fewBytes = ShellModelRunner.builder(
                        Config.class, "sh -c 'head -c 200000 /dev/urandom > big.bin'", "true")
                .projectRoot(project)
                .tempRoot(temp.resolve("work"))
                .workspaceLimits(100, 100_000, 100)
                .build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fewBytes.train(input, RunContext.none()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("zips to more than 100000 bytes (chapkit.ml.shell.workspace.max-size)");
        assertThat(Files.list(temp.resolve("work"))).isEmpty();
    }

    @Test
    void outputUnderTheLimitIsKeptWhole() throws Exception {
        TrainResult<WorkspaceArchive> trained = runner("sh -c 'printf \"a\\nb\\n\"; exit 3'", 4096)
                .train(new TrainInput<>(new Config(1), data, null), RunContext.none());

        assertThat(trained.process().exitCode()).isEqualTo(3);
        assertThat(trained.process().stdout()).isEqualTo("a\nb\n");
    }

    @Test
    void aDaemonLeftBehindByTheCommandIsKilledWhenTheCommandEnds() throws Exception {
        Path pidFile = temp.resolve("daemon.pid");
        // The subshell exits at once, so the sleep is re-parented: it is no descendant any more, only a group member.
        runner("sh -c '(sleep 300 & echo $! > " + pidFile + ") ; exit 0'", 4096)
                .train(new TrainInput<>(new Config(1), data, null), RunContext.none());

        long daemon = Long.parseLong(Files.readString(pidFile).strip());
        awaitDead(daemon);
    }

    @Test
    void leftoversOfADeadJvmAreKilledAndDeletedAtStartUp() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        Process orphan = new ProcessBuilder("sleep", "300").start();
        Process deadOwner = new ProcessBuilder("true").start();
        deadOwner.waitFor();
        Path workspace = Files.createDirectories(work.resolve("chapkit_ml_train_1"));
        Files.writeString(workspace.resolve("model.json"), "{}");
        Path logs = Files.createDirectories(work.resolve("chapkit_ml_logs_1"));
        record(logs, deadOwner.toHandle(), orphan.toHandle(), workspace);
        // A run of a live JVM (this one) sharing the temp directory.
        Path liveWorkspace = Files.createDirectories(work.resolve("chapkit_ml_train_2"));
        Path liveLogs = Files.createDirectories(work.resolve("chapkit_ml_logs_2"));
        RunRecord.start(liveLogs, liveWorkspace);

        int cleaned = runner("true", 4096).cleanLeftovers();

        assertThat(cleaned).isEqualTo(1);
        orphan.onExit().get();
        assertThat(orphan.isAlive()).isFalse();
        assertThat(workspace).doesNotExist();
        assertThat(logs).doesNotExist();
        assertThat(liveWorkspace).exists();
        assertThat(liveLogs.resolve(RunRecord.FILE)).exists();
    }

    private static void record(Path logs, ProcessHandle owner, ProcessHandle process, Path workspace)
            throws IOException {
        Properties values = new Properties();
        values.setProperty("owner.pid", Long.toString(owner.pid()));
        values.setProperty("owner.start", "0");
        values.setProperty("workspace", workspace.toString());
        values.setProperty("process.pid", Long.toString(process.pid()));
        values.setProperty("process.start", Long.toString(ProcessTree.startMillis(process)));
        try (Writer out = Files.newBufferedWriter(logs.resolve(RunRecord.FILE), StandardCharsets.UTF_8)) {
            values.store(out, null);
        }
    }

    /** Polls with a deadline: a kill signal is delivered asynchronously. */
    private static void awaitDead(long pid) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!isDead(pid) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(
                    Duration.ofMillis(20).toNanos());
        }
        assertThat(isDead(pid)).as("process %d is dead", pid).isTrue();
    }

    private static boolean isDead(long pid) {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return ProcessHandle.of(pid).map(handle -> !handle.isAlive()).orElse(true);
        }
        try {
            String text = Files.readString(stat);
            char state = text.charAt(text.lastIndexOf(')') + 2);
            return state == 'Z' || state == 'X';
        } catch (IOException e) {
            return true;
        }
    }
}
