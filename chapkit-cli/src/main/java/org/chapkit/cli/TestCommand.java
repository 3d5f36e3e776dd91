package org.chapkit.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.chapkit.client.cli.ChapkitTestCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chapkit test --url …}: the end-to-end check of a running service ({@link ChapkitTestCli}). */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = "End-to-end check of a running service: health, info, configs, sample data, $validate, $train,"
                + " $predict, the prediction artifact, its download and export. Exit code 0 when every step passed.")
final class TestCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-u", "--url"},
            defaultValue = "http://localhost:8000",
            description = "service root URL")
    String url;

    @Option(
            names = {"-t", "--timeout"},
            description = "seconds to wait for each job (default 60)")
    Integer timeout;

    @Option(names = "--locations", description = "locations in the generated data")
    Integer locations;

    @Option(names = "--periods", description = "periods in the generated data")
    Integer periods;

    @Option(names = "--seed", description = "generator seed")
    Long seed;

    @Option(names = "--api-key", description = "API key to send")
    String apiKey;

    @Option(names = "--api-key-header", description = "API-key header name (default X-API-Key)")
    String apiKeyHeader;

    @Option(names = "--keep", description = "keep the created config and artifacts")
    boolean keep;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(List.of("--url", url));
        add(args, "--timeout", timeout);
        add(args, "--locations", locations);
        add(args, "--periods", periods);
        add(args, "--seed", seed);
        add(args, "--api-key", apiKey);
        add(args, "--api-key-header", apiKeyHeader);
        if (keep) {
            args.add("--keep");
        }
        PrintStream out =
                new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        PrintStream err =
                new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true);
        return ChapkitTestCli.run(args.toArray(String[]::new), out, err);
    }

    private static void add(List<String> args, String option, Object value) {
        if (value != null) {
            args.add(option);
            args.add(value.toString());
        }
    }
}
