package org.chapkit.ml.shell;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.data.DataFrameCsv;
import org.chapkit.ml.geo.FeatureCollection;
import org.chapkit.ml.runner.ModelCodec;
import org.chapkit.ml.runner.ModelRunner;
import org.chapkit.ml.runner.PredictInput;
import org.chapkit.ml.runner.PredictResult;
import org.chapkit.ml.runner.PredictValidationInput;
import org.chapkit.ml.runner.ProcessOutcome;
import org.chapkit.ml.runner.RunContext;
import org.chapkit.ml.runner.TrainInput;
import org.chapkit.ml.runner.TrainResult;
import org.chapkit.ml.runner.ValidationDiagnostic;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs external train and predict commands (Python, R, anything) in chapkit's workspace layout.
 *
 * <p><b>Train:</b> a fresh {@code chapkit_ml_train_*} directory receives a copy of the project directory (minus
 * {@link #EXCLUDES}), {@code config.yml}, {@code data.csv} and, with geo, {@code geo.json}; the train command runs
 * there; the whole directory is zipped and becomes the model. A non-zero exit is <em>not</em> an exception: it is
 * returned in {@link TrainResult#process()} and stored as {@code metadata.status="failed"}.
 *
 * <p><b>Predict:</b> a fresh {@code chapkit_ml_predict_*} directory receives the extracted training workspace,
 * {@code historic.csv}, {@code future.csv} and optional {@code geo.json}; the predict command must write
 * {@code predictions.csv}, else the call fails with {@link MissingOutputException}. The directory is zipped as
 * the prediction workspace.
 *
 * <p>By default, unlike chapkit, commands never go through a shell: they are split into an argv list once
 * ({@link CommandTemplate}), placeholders are replaced per argument with fixed file names. With
 * {@link Builder#shell(boolean) shell(true)} they run through {@code /bin/sh -c} as in chapkit, for ported commands
 * that use {@code &&}, {@code |}, {@code >} or {@code $VAR}. Either way config and data values never reach the
 * command line (they are in {@code config.yml} and the CSV files), so they cannot inject anything. A {@link Builder#timeout timeout} and {@link RunContext#cancellation()
 * cancellation} kill the whole process tree.
 *
 * @param <C> the config type
 */
public final class ShellModelRunner<C> implements ModelRunner<C, WorkspaceArchive> {

    /** chapkit's exclude list for the project copy. */
    public static final List<String> EXCLUDES = Workspaces.EXCLUDES;

    /** Placeholders of the train command. */
    public static final Set<String> TRAIN_PLACEHOLDERS = Set.of("data_file", "geo_file");

    /** Placeholders of the predict command. */
    public static final Set<String> PREDICT_PLACEHOLDERS =
            Set.of("historic_file", "future_file", "output_file", "geo_file");

    /** Default of {@link Builder#maxOutputSize(long)}: 1 MiB of each stream. */
    public static final int DEFAULT_MAX_OUTPUT_SIZE = 1024 * 1024;

    /** Default of {@link Builder#workspaceLimits}: most files in a workspace. */
    public static final int DEFAULT_MAX_WORKSPACE_ENTRIES = 10_000;

    /** Default of {@link Builder#workspaceLimits}: most bytes of a workspace, zipped or unpacked (1 GiB). */
    public static final long DEFAULT_MAX_WORKSPACE_SIZE = 1024L * 1024 * 1024;

    /** Default of {@link Builder#workspaceLimits}: most unpacked bytes per archive byte. */
    public static final int DEFAULT_MAX_WORKSPACE_RATIO = 100;

    /** Name of the observation around each train or predict command. */
    public static final String COMMAND_OBSERVATION = "chapkit.shell.command";

    /** The file the predict command must write. */
    public static final String OUTPUT_FILE = "predictions.csv";

    private final Class<C> configType;
    private final CommandTemplate trainCommand;
    private final CommandTemplate predictCommand;
    private final ConfigFormat configFormat;
    private final Path projectRoot;
    private final Path tempRoot;
    private final Duration timeout;
    private final int maxOutputSize;
    private final Workspaces.Limits workspaceLimits;
    private final ConfigYaml configYaml;
    private final JsonMapper geoMapper;
    private final Function<TrainInput<C>, List<ValidationDiagnostic>> validateTrain;
    private final Function<PredictValidationInput<C>, List<ValidationDiagnostic>> validatePredict;

    private ShellModelRunner(Builder<C> builder) {
        this.configType = builder.configType;
        this.trainCommand = builder.shell
                ? CommandTemplate.parseShell(builder.trainCommand, TRAIN_PLACEHOLDERS)
                : CommandTemplate.parse(builder.trainCommand, TRAIN_PLACEHOLDERS);
        this.predictCommand = builder.shell
                ? CommandTemplate.parseShell(builder.predictCommand, PREDICT_PLACEHOLDERS)
                : CommandTemplate.parse(builder.predictCommand, PREDICT_PLACEHOLDERS);
        this.configFormat = builder.configFormat;
        this.projectRoot = builder.projectRoot.toAbsolutePath().normalize();
        this.tempRoot = builder.tempRoot.toAbsolutePath().normalize();
        this.timeout = builder.timeout;
        this.maxOutputSize = builder.maxOutputSize;
        this.workspaceLimits = builder.workspaceLimits;
        this.configYaml = new ConfigYaml(builder.mapper);
        this.geoMapper = builder.mapper;
        this.validateTrain = builder.validateTrain;
        this.validatePredict = builder.validatePredict;
    }

    /**
     * Starts a builder.
     *
     * @param configType the config class
     * @param trainCommand e.g. {@code python scripts/train_model.py --data {data_file}}
     * @param predictCommand e.g. {@code python scripts/predict_model.py --historic {historic_file} --future
     *     {future_file} --output {output_file}}
     * @param <C> the config type
     * @return the builder
     */
    public static <C> Builder<C> builder(Class<C> configType, String trainCommand, String predictCommand) {
        return new Builder<>(configType, trainCommand, predictCommand);
    }

    @Override
    public Class<C> configType() {
        return configType;
    }

    @Override
    public ModelCodec<WorkspaceArchive> modelCodec() {
        return WorkspaceArchive.codec();
    }

    @Override
    public TrainResult<WorkspaceArchive> train(TrainInput<C> input, RunContext context) throws IOException {
        Path workspace = Files.createTempDirectory(createdTempRoot(), "chapkit_ml_train_");
        Path logs = Files.createTempDirectory(tempRoot, RunRecord.LOG_DIR_PREFIX);
        try {
            RunRecord record = RunRecord.start(logs, workspace);
            RunLogTail runLog = RunLogTail.of(logs, context);
            Workspaces.copyProject(projectRoot, workspace, tempRoot);
            writeConfig(input.config(), workspace);
            DataFrameCsv.write(input.data(), workspace.resolve("data.csv"));
            boolean geo = writeGeo(input.geo(), workspace);
            List<String> argv = trainCommand.render(Map.of("data_file", "data.csv", "geo_file", geo ? "geo.json" : ""));
            ProcessOutcome outcome = runLog.following(() -> command(
                    "train",
                    context,
                    () -> ProcessSupervisor.run(
                            argv,
                            workspace,
                            record,
                            timeout,
                            maxOutputSize,
                            context.cancellation(),
                            trainCommand.toString(),
                            runLog.environment())));
            return new TrainResult<>(new WorkspaceArchive(Workspaces.zip(workspace, workspaceLimits)), outcome);
        } finally {
            Workspaces.deleteRecursively(workspace);
            Workspaces.deleteRecursively(logs);
        }
    }

    @Override
    public PredictResult predict(PredictInput<C, WorkspaceArchive> input, RunContext context) throws IOException {
        Path workspace = Files.createTempDirectory(createdTempRoot(), "chapkit_ml_predict_");
        Path logs = Files.createTempDirectory(tempRoot, RunRecord.LOG_DIR_PREFIX);
        try {
            RunRecord record = RunRecord.start(logs, workspace);
            RunLogTail runLog = RunLogTail.of(logs, context);
            Workspaces.unzip(input.model().zip(), workspace, workspaceLimits);
            DataFrameCsv.write(input.historic(), workspace.resolve("historic.csv"));
            DataFrameCsv.write(input.future(), workspace.resolve("future.csv"));
            boolean geo = writeGeo(input.geo(), workspace);
            List<String> argv = predictCommand.render(Map.of(
                    "historic_file",
                    "historic.csv",
                    "future_file",
                    "future.csv",
                    "output_file",
                    OUTPUT_FILE,
                    "geo_file",
                    geo ? "geo.json" : ""));
            ProcessOutcome outcome = runLog.following(() -> command(
                    "predict",
                    context,
                    () -> ProcessSupervisor.run(
                            argv,
                            workspace,
                            record,
                            timeout,
                            maxOutputSize,
                            context.cancellation(),
                            predictCommand.toString(),
                            runLog.environment())));
            Path output = workspace.resolve(OUTPUT_FILE);
            if (!Files.isRegularFile(output)) {
                throw new MissingOutputException("Prediction script did not create output file at " + OUTPUT_FILE
                        + " (exit code " + outcome.exitCode() + ")" + stderrTail(outcome.stderr()));
            }
            DataFrame predictions = DataFrameCsv.read(output);
            return new PredictResult(predictions, Workspaces.zip(workspace, workspaceLimits), outcome);
        } finally {
            Workspaces.deleteRecursively(workspace);
            Workspaces.deleteRecursively(logs);
        }
    }

    /** A supervised command run, which may fail with what {@link ProcessSupervisor#run} throws. */
    @FunctionalInterface
    private interface CommandRun {
        ProcessOutcome run() throws IOException;
    }

    /**
     * Runs one command inside a {@value #COMMAND_OBSERVATION} observation (a span with tracing on) when the run context
     * carries an {@link ObservationRegistry}; the exit code is a span tag.
     */
    private static ProcessOutcome command(String operation, RunContext context, CommandRun run) throws IOException {
        ObservationRegistry registry =
                context.attribute(ObservationRegistry.class).orElse(ObservationRegistry.NOOP);
        Observation observation = Observation.createNotStarted(COMMAND_OBSERVATION, registry)
                .contextualName("shell " + operation)
                .lowCardinalityKeyValue("runner.operation", operation)
                .start();
        try (Observation.Scope scope = observation.openScope()) {
            ProcessOutcome outcome = run.run();
            observation.highCardinalityKeyValue("process.exit.code", Integer.toString(outcome.exitCode()));
            return outcome;
        } catch (IOException | RuntimeException | Error ex) {
            observation.error(ex);
            throw ex;
        } finally {
            observation.stop();
        }
    }

    @Override
    public List<ValidationDiagnostic> validateTrain(TrainInput<C> input) {
        return validateTrain == null ? List.of() : List.copyOf(validateTrain.apply(input));
    }

    @Override
    public List<ValidationDiagnostic> validatePredict(PredictValidationInput<C> input) {
        return validatePredict == null ? List.of() : List.copyOf(validatePredict.apply(input));
    }

    /**
     * The {@code config.yml} text this runner writes for a config.
     *
     * @param config the config
     * @return the YAML
     */
    public String configYaml(C config) {
        return configYaml.write(config, configFormat);
    }

    /**
     * Kills the processes and deletes the workspaces that runs of a JVM that died (kill -9, a crash) left in the
     * temp root; runs of live JVMs are left alone. Called once at start-up.
     *
     * @return how many leftover runs were cleaned
     */
    public int cleanLeftovers() {
        return RunRecord.cleanLeftovers(tempRoot);
    }

    private Path createdTempRoot() throws IOException {
        return Files.createDirectories(tempRoot);
    }

    private void writeConfig(C config, Path workspace) throws IOException {
        Files.writeString(workspace.resolve("config.yml"), configYaml(config), StandardCharsets.UTF_8);
    }

    private boolean writeGeo(FeatureCollection geo, Path workspace) throws IOException {
        if (geo == null) {
            return false;
        }
        // pydantic's model_dump_json(indent=2) layout: two-space indent, "key": value, one array item per line.
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        String json = geoMapper.writer().with(printer).writeValueAsString(geo.json());
        Files.writeString(workspace.resolve("geo.json"), json, StandardCharsets.UTF_8);
        return true;
    }

    private static String stderrTail(String stderr) {
        String trimmed = stderr.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        return "; stderr: " + (trimmed.length() > 2000 ? "…" + trimmed.substring(trimmed.length() - 2000) : trimmed);
    }

    /**
     * Builds a {@link ShellModelRunner}.
     *
     * @param <C> the config type
     */
    public static final class Builder<C> {

        private final Class<C> configType;
        private final String trainCommand;
        private final String predictCommand;
        private ConfigFormat configFormat = ConfigFormat.FLAT;
        private Path projectRoot = Path.of("").toAbsolutePath();
        private Path tempRoot = defaultTempRoot();
        private Duration timeout;
        private int maxOutputSize = DEFAULT_MAX_OUTPUT_SIZE;
        private Workspaces.Limits workspaceLimits = Workspaces.Limits.DEFAULT;
        private JsonMapper mapper = JsonMapper.builder().build();
        private Function<TrainInput<C>, List<ValidationDiagnostic>> validateTrain;
        private Function<PredictValidationInput<C>, List<ValidationDiagnostic>> validatePredict;
        private boolean shell;

        private Builder(Class<C> configType, String trainCommand, String predictCommand) {
            this.configType = Objects.requireNonNull(configType, "configType");
            this.trainCommand = Objects.requireNonNull(trainCommand, "trainCommand");
            this.predictCommand = Objects.requireNonNull(predictCommand, "predictCommand");
        }

        private static Path defaultTempRoot() {
            String configured = System.getenv("CHAPKIT_TEMP_DIR");
            return Path.of(
                    configured == null || configured.isBlank() ? System.getProperty("java.io.tmpdir") : configured);
        }

        /**
         * The {@code config.yml} layout; {@link ConfigFormat#FLAT} by default.
         *
         * @param format the format
         * @return this builder
         */
        public Builder<C> configFormat(ConfigFormat format) {
            this.configFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * The directory copied into every training workspace; the working directory at build time by default.
         *
         * @param root the project directory
         * @return this builder
         */
        public Builder<C> projectRoot(Path root) {
            this.projectRoot = Objects.requireNonNull(root, "root");
            return this;
        }

        /**
         * Where workspaces are created; {@code $CHAPKIT_TEMP_DIR}, else the system temp directory, by default.
         *
         * @param root the directory
         * @return this builder
         */
        public Builder<C> tempRoot(Path root) {
            this.tempRoot = Objects.requireNonNull(root, "root");
            return this;
        }

        /**
         * The longest a command may run before its process tree is killed; none by default (as in chapkit).
         *
         * @param limit the timeout, or {@code null} for none
         * @return this builder
         */
        public Builder<C> timeout(Duration limit) {
            if (limit != null && (limit.isNegative() || limit.isZero())) {
                throw new IllegalArgumentException("timeout must be positive: " + limit);
            }
            this.timeout = limit;
            return this;
        }

        /**
         * The most of each of a command's stdout and stderr that is kept (the tail; the text then starts with a line
         * saying how much was cut); {@value ShellModelRunner#DEFAULT_MAX_OUTPUT_SIZE} bytes by default. Output beyond it is read and
         * dropped, so the command never blocks on a full pipe.
         *
         * @param bytes the limit, 0 to keep nothing
         * @return this builder
         */
        public Builder<C> maxOutputSize(long bytes) {
            if (bytes < 0 || bytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("maxOutputSize must be between 0 and 2 GB: " + bytes);
            }
            this.maxOutputSize = (int) bytes;
            return this;
        }

        /**
         * Bounds on a workspace when it is zipped (after training and prediction) and extracted (before prediction),
         * so neither a runaway script nor a zip bomb exhausts heap or disk: the run fails naming the bound. By
         * default {@value ShellModelRunner#DEFAULT_MAX_WORKSPACE_ENTRIES} files, 1 GiB and a ratio of
         * {@value ShellModelRunner#DEFAULT_MAX_WORKSPACE_RATIO}.
         *
         * @param maxEntries most files in a workspace
         * @param maxSize most bytes, zipped when packing and unpacked when extracting; below 2 GB (the zipped
         *     workspace is held in one array)
         * @param maxRatio most unpacked bytes per archive byte, checked once 1 MiB is unpacked
         * @return this builder
         */
        public Builder<C> workspaceLimits(int maxEntries, long maxSize, int maxRatio) {
            this.workspaceLimits = new Workspaces.Limits(maxEntries, maxSize, maxRatio);
            return this;
        }

        /**
         * The mapper that turns the config into {@code config.yml} fields and writes {@code geo.json}.
         *
         * @param jsonMapper the mapper
         * @return this builder
         */
        public Builder<C> jsonMapper(JsonMapper jsonMapper) {
            this.mapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
            return this;
        }

        /**
         * Runs the commands through {@code /bin/sh -c} (as chapkit's {@code ShellModelRunner} does), so they may use
         * {@code &&}, {@code |}, {@code >}, {@code $VAR}. Off by default: commands are then split into arguments and
         * run without a shell.
         *
         * @param enabled whether to use a shell
         * @return this builder
         */
        public Builder<C> shell(boolean enabled) {
            this.shell = enabled;
            return this;
        }

        /**
         * The train validation hook.
         *
         * @param hook the hook
         * @return this builder
         */
        public Builder<C> validateTrain(Function<TrainInput<C>, List<ValidationDiagnostic>> hook) {
            this.validateTrain = hook;
            return this;
        }

        /**
         * The predict validation hook.
         *
         * @param hook the hook
         * @return this builder
         */
        public Builder<C> validatePredict(Function<PredictValidationInput<C>, List<ValidationDiagnostic>> hook) {
            this.validatePredict = hook;
            return this;
        }

        /**
         * Builds the runner.
         *
         * @return the runner
         * @throws IllegalArgumentException when a command is empty, badly quoted or uses an unknown placeholder
         */
        public ShellModelRunner<C> build() {
            return new ShellModelRunner<>(this);
        }
    }
}
