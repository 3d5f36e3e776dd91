package org.chapkit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.chapkit.client.ChapkitClient;
import org.chapkit.client.artifact.Artifact;
import org.chapkit.client.artifact.ArtifactDownload;
import org.chapkit.client.artifact.DataFormat;
import org.chapkit.client.artifact.DownloadOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code chapkit artifact list|download|export}: a service's artifacts from the command line. */
@Command(
        name = "artifact",
        mixinStandardHelpOptions = true,
        description = "List, download and export a service's artifacts.",
        subcommands = {ArtifactCommand.ListArtifacts.class, ArtifactCommand.Download.class, ArtifactCommand.Export.class
        })
final class ArtifactCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every artifact command takes. */
    static class Service {

        @Option(
                names = {"-u", "--url"},
                defaultValue = "http://localhost:8000",
                description = "service root URL")
        String url;

        @Option(names = "--api-key", description = "API key to send")
        String apiKey;

        ChapkitClient client() {
            return ChapkitClient.builder().baseUrl(url).apiKey(apiKey).build();
        }
    }

    /** {@code chapkit artifact list}: one line per artifact. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per artifact: id, level, type.")
    static final class ListArtifacts implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Service service = new Service();

        @Override
        public Integer call() {
            try (ChapkitClient client = service.client()) {
                for (Artifact<JsonNode> artifact : client.artifacts().list()) {
                    JsonNode type =
                            artifact.data() == null ? null : artifact.data().get("type");
                    spec.commandLine()
                            .getOut()
                            .printf(
                                    "%s  level %d  %s%s%n",
                                    artifact.id(),
                                    artifact.level(),
                                    type == null || type.isNull() ? "-" : type.asString(),
                                    artifact.parentId() == null ? "" : "  parent " + artifact.parentId());
                }
            }
            return 0;
        }
    }

    /** {@code chapkit artifact download ID}: the artifact's content as a file. */
    @Command(name = "download", mixinStandardHelpOptions = true, description = "Downloads an artifact's content.")
    static final class Download implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Service service = new Service();

        @Parameters(index = "0", description = "artifact id")
        String id;

        @Option(
                names = {"-f", "--format"},
                description = "csv, json, jsonl or parquet (default: as stored)")
        String format;

        @Option(
                names = {"-o", "--output"},
                description = "target file (default: the server's file name)")
        Path output;

        @Override
        public Integer call() {
            DownloadOptions options = format == null ? DownloadOptions.AS_STORED : DownloadOptions.as(format(format));
            Path target = output != null ? output : Path.of("artifact_" + id + (format == null ? "" : "." + format));
            try (ChapkitClient client = service.client()) {
                ArtifactDownload download = client.artifacts().download(id, options, target);
                spec.commandLine()
                        .getOut()
                        .printf("%s  %d bytes  %s%n", target, download.bytes(), download.contentType());
            }
            return 0;
        }
    }

    /** {@code chapkit artifact export ID}: every DataFrame below an artifact as one file. */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Exports the DataFrames of an artifact's subtree (for example a model's predictions).")
    static final class Export implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Service service = new Service();

        @Parameters(index = "0", description = "artifact id")
        String id;

        @Option(
                names = {"-f", "--format"},
                defaultValue = "csv",
                description = "csv, json, jsonl or parquet")
        String format;

        @Option(
                names = {"-o", "--output"},
                description = "target file (default: export_<id>.<format>)")
        Path output;

        @Override
        public Integer call() {
            Path target = output != null ? output : Path.of("export_" + id + "." + format);
            try (ChapkitClient client = service.client()) {
                ArtifactDownload export = client.artifacts().export(id, DownloadOptions.as(format(format)), target);
                spec.commandLine().getOut().printf("%s  %d bytes%n", target, export.bytes());
            }
            return 0;
        }
    }

    static DataFormat format(String name) {
        for (DataFormat format : DataFormat.values()) {
            if (format.wireValue().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new CommandLine.ParameterException(
                new CommandLine(new ChapkitCommand()),
                "Unknown format '" + name + "': use csv, json, jsonl or parquet");
    }
}
