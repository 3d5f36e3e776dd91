package org.chapkit.autoconfigure.ml;

import java.nio.file.Path;
import java.time.Duration;
import org.chapkit.ml.shell.ConfigFormat;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the ML workflow ({@code chapkit.ml.*}).
 *
 * @param enabled whether {@code /api/v1/ml} and the train/predict jobs are set up when a model runner exists
 * @param shell a shell runner defined by properties alone (used when {@code train-command} is set and the
 *     application declares no {@code ModelRunner} bean)
 */
@ConfigurationProperties("chapkit.ml")
public record ChapkitMlProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Shell shell,
        @DefaultValue SampleData sampleData) {

    /**
     * Bounds on {@code $generate-sample-data}; larger requests are a 400 before anything is generated.
     *
     * @param maxLocations most {@code num_locations}
     * @param maxPeriods most {@code num_periods}
     * @param maxFeatures most {@code num_features}
     * @param maxRows most rows ({@code num_locations × num_periods})
     */
    public record SampleData(
            @DefaultValue("1000") int maxLocations,
            @DefaultValue("5000") int maxPeriods,
            @DefaultValue("100") int maxFeatures,
            @DefaultValue("250000") int maxRows) {}

    /**
     * A {@code ShellModelRunner} from properties.
     *
     * @param trainCommand the train command, e.g. {@code python3 scripts/train.py --data {data_file}}; setting it
     *     turns the property-defined shell runner on
     * @param predictCommand the predict command, e.g. {@code python3 scripts/predict.py --historic {historic_file}
     *     --future {future_file} --output {output_file}}
     * @param projectRoot the directory copied into every training workspace; default the working directory
     * @param configFormat the {@code config.yml} layout: {@code flat} or {@code chap-core}
     * @param timeout the longest a command may run before its process tree is killed; default none
     * @param tempDir where workspaces are created; default {@code $CHAPKIT_TEMP_DIR}, else the system temp dir
     * @param maxOutputSize how much of each of a command's stdout and stderr is kept in the artifact's metadata (the
     *     tail, marked as cut); the rest is read and dropped
     * @param useShell run the commands through {@code /bin/sh -c}, as chapkit does, for commands that use
     *     {@code &&}, {@code |}, {@code >} or {@code $VAR}; config and data values still never reach the command line
     * @param workspace bounds on a workspace when it is zipped (after training and prediction) and extracted (before
     *     prediction)
     */
    public record Shell(
            String trainCommand,
            String predictCommand,
            Path projectRoot,
            @DefaultValue("flat") ConfigFormat configFormat,
            Duration timeout,
            Path tempDir,
            @DefaultValue("1MB") DataSize maxOutputSize,
            boolean useShell,
            @DefaultValue Workspace workspace) {

        /**
         * Whether the properties define a shell runner.
         *
         * @return {@code true} when a train command is set
         */
        public boolean defined() {
            return trainCommand != null && !trainCommand.isBlank();
        }
    }

    /**
     * Bounds on a shell runner's workspace archive, so neither a runaway training script nor a zip bomb exhausts heap
     * or disk; a run over one fails naming the property.
     *
     * @param maxEntries most files in a workspace
     * @param maxSize most bytes of a workspace, zipped when it is stored and unpacked when it is extracted; below 2 GB
     * @param maxRatio most unpacked bytes per archive byte when extracting, checked once 1 MB is unpacked
     */
    public record Workspace(
            @DefaultValue("10000") int maxEntries,
            @DefaultValue("1GB") DataSize maxSize,
            @DefaultValue("100") int maxRatio) {}
}
