package org.chapkit.ml.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.geo.FeatureCollection;
import org.chapkit.ml.result.ModelRuns;
import org.chapkit.ml.result.PredictionArtifacts;
import org.chapkit.ml.result.TrainingArtifact;
import org.chapkit.ml.runner.CancellationSource;
import org.chapkit.ml.runner.PredictInput;
import org.chapkit.ml.runner.PredictResult;
import org.chapkit.ml.runner.RunContext;
import org.chapkit.ml.runner.TrainInput;
import org.chapkit.ml.runner.TrainResult;
import org.chapkit.ml.sample.GeoType;
import org.chapkit.ml.sample.SampleDataGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellModelRunnerTests {

    static final String TRAIN = "python3 scripts/train.py --data {data_file} --geo {geo_file}";
    static final String PREDICT =
            "python3 scripts/predict.py --historic {historic_file} --future {future_file} --output {output_file}";

    record ShellConfig(
            @JsonProperty("prediction_periods") int predictionPeriods,
            @JsonProperty("behaviour") String behaviour,
            @JsonProperty("marker_dir") String markerDir,
            @JsonProperty("note") String note) {}

    @TempDir
    Path project;

    @TempDir
    Path temp;

    @TempDir
    Path markers;

    final DataFrame data = DataFrame.of(
            List.of("time_period", "location", "disease_cases", "rainfall", "flag"),
            List.of(
                    DataFrame.row("2020-01", "location_0", 10.0, 100.5, true),
                    DataFrame.row("2020-01", "location_1", 20L, null, false),
                    DataFrame.row("2020-02", "location_0", 30.0, 1e-5, null)));

    final DataFrame future = DataFrame.of(
            List.of("time_period", "location", "disease_cases"),
            List.of(DataFrame.row("2020-03", "location_0", null), DataFrame.row("2020-03", "location_1", null)));

    @BeforeEach
    void createProject() throws IOException, URISyntaxException {
        Path source = Path.of(getClass().getResource("/shell-project").toURI());
        Workspaces.copyProject(source, project, temp);
        // Things chapkit's exclude list keeps out of the workspace.
        Files.createDirectories(project.resolve(".git"));
        Files.writeString(project.resolve(".git/HEAD"), "ref");
        Files.createDirectories(project.resolve("scripts/__pycache__"));
        Files.writeString(project.resolve("scripts/__pycache__/x.pyc"), "x");
        Files.writeString(project.resolve("notes.db"), "x");
        Files.writeString(project.resolve("README.md"), "kept");
    }

    ShellModelRunner<ShellConfig> runner() {
        return runner(TRAIN, Duration.ofMinutes(2));
    }

    ShellModelRunner<ShellConfig> runner(String trainCommand, Duration timeout) {
        return ShellModelRunner.builder(ShellConfig.class, trainCommand, PREDICT)
                .projectRoot(project)
                .tempRoot(temp.resolve("work"))
                .timeout(timeout)
                .build();
    }

    ShellConfig config(String behaviour, String note) {
        return new ShellConfig(3, behaviour, markers.toString(), note);
    }

    @Test
    void trainsAndPredictsInChapkitWorkspaces() throws Exception {
        ShellModelRunner<ShellConfig> runner = runner();
        FeatureCollection geo = new SampleDataGenerator().geo(2, GeoType.POINT);
        TrainResult<WorkspaceArchive> trained =
                runner.train(new TrainInput<>(config("ok", "plain"), data, geo), RunContext.none());

        assertThat(trained.succeeded()).isTrue();
        assertThat(trained.process().stdout()).contains("trained 2 locations");
        assertThat(trained.model().corruption()).isEmpty();
        assertThat(new WorkspaceArchive(new byte[0]).corruption()).contains("Training workspace is empty");
        assertThat(new WorkspaceArchive("not a zip".getBytes(StandardCharsets.UTF_8)).corruption())
                .contains("Training workspace is not a valid zip archive");
        byte[] truncated =
                java.util.Arrays.copyOf(trained.model().zip(), trained.model().zip().length / 2);
        assertThat(new WorkspaceArchive(truncated).corruption())
                .contains("Training workspace is not a valid zip archive");
        Map<String, String> files = unzip(trained.model().zip());
        assertThat(files)
                .containsKeys("config.yml", "data.csv", "geo.json", "model.json", "README.md", "scripts/train.py")
                .doesNotContainKeys(".git/HEAD", "notes.db", "scripts/__pycache__/x.pyc");
        assertThat(files.get("data.csv"))
                .isEqualTo("time_period,location,disease_cases,rainfall,flag\r\n"
                        + "2020-01,location_0,10.0,100.5,True\r\n"
                        + "2020-01,location_1,20,,False\r\n"
                        + "2020-02,location_0,30.0,1e-05,\r\n");
        assertThat(files.get("config.yml"))
                .isEqualTo("behaviour: ok\nmarker_dir: " + markers + "\nnote: plain\nprediction_periods: 3\n");
        assertThat(files.get("geo.json")).startsWith("{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n");
        assertThat(files.get("model.json")).contains("\"geo\": \"geo.json\"");
        assertThat(Files.list(temp.resolve("work")))
                .as("workspaces are removed")
                .isEmpty();

        PredictResult predicted = runner.predict(
                new PredictInput<>(config("ok", "plain"), trained.model(), data, future, null), RunContext.none());
        assertThat(predicted.predictions().columns()).containsExactly("time_period", "location", "sample_0");
        assertThat(predicted.predictions().rows())
                .containsExactly(
                        DataFrame.row("2020-03", "location_0", 20.0), DataFrame.row("2020-03", "location_1", 20.0));
        assertThat(predicted.process().exitCode()).isZero();
        assertThat(unzip(predicted.workspaceZip()))
                .containsKeys("historic.csv", "future.csv", "predictions.csv", "model.json", "config.yml", "geo.json");
    }

    @Test
    void omitsAnEmptyGeoPlaceholderAsAShellWould() throws Exception {
        runner().train(new TrainInput<>(config("ok", "n"), data, null), RunContext.none());

        assertThat(Files.readString(markers.resolve("train_argv.json")))
                .isEqualTo("[\"scripts/train.py\", \"--data\", \"data.csv\", \"--geo\"]");
    }

    @Test
    void failedTrainingIsAResultNotAnException() throws Exception {
        ShellModelRunner<ShellConfig> runner = runner();
        TrainResult<WorkspaceArchive> trained =
                runner.train(new TrainInput<>(config("fail", "n"), data, null), RunContext.none());

        assertThat(trained.succeeded()).isFalse();
        assertThat(trained.process().exitCode()).isEqualTo(3);
        assertThat(trained.process().stderr()).contains("training went wrong");
        assertThat(unzip(trained.model().zip())).containsKeys("config.yml", "data.csv");

        TrainingArtifact artifact = new ModelRuns(Clock.systemUTC())
                .train(
                        runner,
                        "01K0000000000000000000000A",
                        new TrainInput<>(config("fail", "n"), data, null),
                        RunContext.none());
        assertThat(artifact.contentType()).isEqualTo("application/zip");
        assertThat(artifact.metadata().status()).isEqualTo("failed");
        assertThat(artifact.metadata().exitCode()).isEqualTo(3);
        assertThat(artifact.metadata().stderr()).contains("training went wrong");
    }

    @Test
    void missingPredictionsFailThePrediction() throws Exception {
        ShellModelRunner<ShellConfig> runner = runner();
        TrainResult<WorkspaceArchive> trained =
                runner.train(new TrainInput<>(config("no_output", "n"), data, null), RunContext.none());

        assertThatThrownBy(() -> runner.predict(
                        new PredictInput<>(config("no_output", "n"), trained.model(), data, future, null),
                        RunContext.none()))
                .isInstanceOf(MissingOutputException.class)
                .hasMessageContaining("Prediction script did not create output file at predictions.csv")
                .hasMessageContaining("exit code 1")
                .hasMessageContaining("forgot to write predictions");
    }

    @Test
    void predictionWorkspaceBecomesLevelTwoArtifactData() throws Exception {
        ShellModelRunner<ShellConfig> runner = runner();
        ModelRuns runs = new ModelRuns(Clock.systemUTC());
        TrainingArtifact training = runs.train(
                runner,
                "01K0000000000000000000000A",
                new TrainInput<>(config("ok", "n"), data, null),
                RunContext.none());
        PredictionArtifacts artifacts = runs.predict(
                runner,
                "01K0000000000000000000000A",
                config("ok", "n"),
                training.content(),
                data,
                future,
                null,
                List.of(),
                null,
                RunContext.none());

        assertThat(artifacts.prediction().metadata().status()).isEqualTo("success");
        assertThat(artifacts.prediction().metadata().exitCode()).isNull();
        assertThat(artifacts.prediction().content().schema()).isNotNull();
        assertThat(artifacts.workspace()).hasValueSatisfying(workspace -> {
            assertThat(workspace.metadata().exitCode()).isZero();
            assertThat(workspace.metadata().stdout()).contains("predicted");
        });
    }

    @Test
    void configAndCommandTextNeverReachAShell() throws Exception {
        Path pwned = markers.resolve("pwned");
        String note = "; touch " + pwned + "1 $(touch " + pwned + "2) `touch " + pwned + "3` | rm -rf " + markers;
        String command = TRAIN + " ; touch " + pwned + "4 && touch " + pwned + "5 '$(touch " + pwned + "6)'";

        TrainResult<WorkspaceArchive> trained = runner(command, Duration.ofMinutes(2))
                .train(new TrainInput<>(config("ok", note), data, null), RunContext.none());

        assertThat(trained.succeeded()).isTrue();
        try (Stream<Path> files = Files.list(markers)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith("pwned"));
        }
        assertThat(Files.readString(markers.resolve("train_argv.json")))
                .contains("\";\"", "\"touch\"", "\"&&\"", "\"$(touch " + pwned + "6)\"");
        assertThat(Files.readString(markers.resolve("train_config.yml"))).contains("$(touch " + pwned + "2)");
    }

    @Test
    void workspaceArchivesHoldFilesOnlyAsChapkitsDo() throws Exception {
        TrainResult<WorkspaceArchive> trained =
                runner().train(new TrainInput<>(config("ok", "n"), data, null), RunContext.none());

        List<String> names = new java.util.ArrayList<>();
        List<String> directories = new java.util.ArrayList<>();
        try (ZipInputStream in =
                new ZipInputStream(new ByteArrayInputStream(trained.model().zip()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                if (entry.isDirectory() || entry.getName().endsWith("/")) {
                    directories.add(entry.getName());
                }
            }
        }
        assertThat(directories).isEmpty();
        assertThat(names).contains("scripts/train.py", "config.yml", "data.csv");
    }

    @Test
    void shellModeRunsShellSyntaxWhileConfigAndDataValuesStayOutOfTheCommandLine() throws Exception {
        Path pwned = markers.resolve("pwned");
        String note = "; touch " + pwned + "1 $(touch " + pwned + "2) `touch " + pwned + "3`";
        DataFrame hostile = DataFrame.of(
                List.of("time_period", "location", "disease_cases"),
                List.of(
                        DataFrame.row("2020-01", "$(touch " + pwned + "4)", 1.0),
                        DataFrame.row("2020-02", "`touch " + pwned + "5`; touch " + pwned + "6", 2.0)));
        String command =
                "GREETING=hello && " + TRAIN + " > train.log 2>&1 && echo \"$GREETING\" | tr a-z A-Z > shell.txt";
        ShellModelRunner<ShellConfig> runner = ShellModelRunner.builder(ShellConfig.class, command, PREDICT)
                .projectRoot(project)
                .tempRoot(temp.resolve("work"))
                .timeout(Duration.ofMinutes(2))
                .shell(true)
                .build();

        TrainResult<WorkspaceArchive> trained =
                runner.train(new TrainInput<>(config("ok", note), hostile, null), RunContext.none());

        assertThat(trained.succeeded()).as(trained.process().stderr()).isTrue();
        Map<String, String> workspace = unzip(trained.model().zip());
        assertThat(workspace.get("shell.txt")).isEqualTo("HELLO\n");
        assertThat(workspace).containsKey("train.log");
        assertThat(workspace.get("data.csv")).contains("$(touch " + pwned + "4)");
        assertThat(workspace.get("config.yml")).contains("$(touch " + pwned + "2)");
        try (Stream<Path> files = Files.list(markers)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith("pwned"));
        }
        assertThat(Files.readString(markers.resolve("train_argv.json"))).contains("\"data.csv\"");
    }

    @Test
    void shellModeSubstitutesOnlyFixedFileNames() {
        CommandTemplate template = CommandTemplate.parseShell(
                "Rscript train.R {data_file} {geo_file} | tee out.log && echo {{done}}",
                ShellModelRunner.TRAIN_PLACEHOLDERS);

        assertThat(template.render(Map.of("data_file", "data.csv", "geo_file", "")))
                .containsExactly("/bin/sh", "-c", "Rscript train.R data.csv  | tee out.log && echo {done}");
        assertThatThrownBy(() -> CommandTemplate.parseShell("run {config}", ShellModelRunner.TRAIN_PLACEHOLDERS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{config}");
    }

    @Test
    void timeoutKillsTheWholeProcessTree() throws Exception {
        ShellModelRunner<ShellConfig> runner = runner(TRAIN, Duration.ofSeconds(3));

        assertThatThrownBy(() -> runner.train(new TrainInput<>(config("hang", "n"), data, null), RunContext.none()))
                .isInstanceOf(CommandTimeoutException.class)
                .hasMessageContaining("did not finish within PT3S");

        assertDead(pid("parent.pid"));
        assertDead(pid("child.pid"));
        assertThat(Files.list(temp.resolve("work"))).isEmpty();
    }

    @Test
    void cancellationKillsTheWholeProcessTree() throws Exception {
        ShellModelRunner<ShellConfig> runner = runner(TRAIN, null);
        CancellationSource cancellation = new CancellationSource();
        CompletableFuture<TrainResult<WorkspaceArchive>> training = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.train(new TrainInput<>(config("hang", "n"), data, null), RunContext.of(cancellation));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        long child = awaitPid("child.pid");
        long parent = pid("parent.pid");

        cancellation.cancel();

        assertThatThrownBy(training::get)
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(CancellationException.class);
        assertDead(parent);
        assertDead(child);
    }

    @Test
    void writesChapCoreConfigLayout() {
        ShellModelRunner<ShellConfig> runner = ShellModelRunner.builder(ShellConfig.class, TRAIN, PREDICT)
                .configFormat(ConfigFormat.CHAP_CORE)
                .build();

        assertThat(runner.configYaml(new ShellConfig(4, "ok", "/m", "x: y")))
                .isEqualTo("prediction_periods: 4\nuser_option_values:\n  behaviour: ok\n  marker_dir: /m\n"
                        + "  note: 'x: y'\n");
    }

    record FloatConfig(
            @JsonProperty("big") double big,
            @JsonProperty("small") double small,
            @JsonProperty("half") double half,
            @JsonProperty("words") List<String> words) {}

    @Test
    void writesFloatsAndListsAsPyYamlDoes() {
        ShellModelRunner<FloatConfig> runner =
                ShellModelRunner.builder(FloatConfig.class, TRAIN, PREDICT).build();

        assertThat(runner.configYaml(new FloatConfig(1e16, 1e-5, 0.5, List.of("yes", "a b"))))
                .isEqualTo("big: 1.0e+16\nhalf: 0.5\nsmall: 1.0e-05\nwords:\n- 'yes'\n- a b\n");
    }

    @Test
    void rejectsUnknownPlaceholdersWhenBuilt() {
        assertThatThrownBy(() -> ShellModelRunner.builder(ShellConfig.class, "python3 t.py {config}", PREDICT)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown placeholder {config}");
    }

    private long pid(String file) throws IOException {
        return Long.parseLong(Files.readString(markers.resolve(file)).strip());
    }

    private long awaitPid(String file) throws Exception {
        for (int i = 0; i < 600 && !Files.exists(markers.resolve(file)); i++) {
            Thread.sleep(50);
        }
        return pid(file);
    }

    /** Dead means gone or a zombie waiting for a reaper; polled because signals are delivered asynchronously. */
    private static void assertDead(long pid) throws Exception {
        boolean dead = false;
        for (int i = 0; i < 200 && !dead; i++) {
            dead = isDead(pid);
            if (!dead) {
                Thread.sleep(50);
            }
        }
        assertThat(dead).as("process %d is dead", pid).isTrue();
    }

    private static boolean isDead(long pid) throws IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return ProcessHandle.of(pid).map(handle -> !handle.isAlive()).orElse(true);
        }
        String text;
        try {
            text = Files.readString(stat);
        } catch (IOException e) {
            return true;
        }
        char state = text.charAt(text.lastIndexOf(')') + 2);
        return state == 'Z' || state == 'X';
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}
