package org.chapkit.client.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import org.chapkit.client.ChapkitClient;
import org.chapkit.client.ml.SampleDataQuery;

/**
 * Command-line end-to-end check of a running chapkit service, in the spirit of {@code chapkit test}:
 *
 * <pre>
 * java -cp chapkit-client.jar:jackson-*.jar org.chapkit.client.cli.ChapkitTestCli --url http://localhost:8000
 * </pre>
 *
 * <p>Runs health → info → config schema → config ({@code data: {}} probe, then a real one) → {@code $validate}
 * → {@code $train} → wait → {@code $predict} → wait → verification of the prediction artifact → its CSV download →
 * the model's JSON Lines export, prints a report and exits with 0 when every step passed, 1 when one failed and 2
 * on a usage error.
 */
public final class ChapkitTestCli {

    static final String USAGE = """
            Usage: ChapkitTestCli [options]
              -u, --url URL           service root URL (default http://localhost:8000)
              -t, --timeout SECONDS   how long to wait for each job (default 60)
                  --locations N       locations in the generated data (default: server default)
                  --periods N         periods in the generated data (default: server default)
                  --seed N            generator seed (default: random)
                  --api-key KEY       API key to send (default: $CHAPKIT_API_KEY)
                  --api-key-header H  API-key header name (default X-API-Key)
                  --bearer-token T    OAuth2 access token to send (default: $CHAPKIT_BEARER_TOKEN)
                  --keep              keep the created config and artifacts
              -h, --help              show this help
            """;

    private ChapkitTestCli() {}

    /**
     * Runs the check and exits with its status.
     *
     * @param args command-line arguments, see {@link #USAGE}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the check without exiting the JVM.
     *
     * @param args command-line arguments
     * @param out where the report goes
     * @param err where usage errors go
     * @return 0 when every step passed, 1 when one failed, 2 on a usage error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options.help) {
            out.print(USAGE);
            return 0;
        }
        ChapkitClient.Builder builder = ChapkitClient.builder()
                .baseUrl(options.url)
                .apiKey(options.apiKey)
                .apiKeyHeader(options.apiKeyHeader)
                .bearerToken(options.bearerToken)
                .userAgent("chapkit-java-test-cli");
        try (ChapkitClient client = builder.build()) {
            SampleDataQuery query = SampleDataQuery.DEFAULTS;
            if (options.locations != null || options.periods != null) {
                query = new SampleDataQuery(
                        null, options.locations, options.periods, null, null, null, null, options.seed);
            } else if (options.seed != null) {
                query = query.withSeed(options.seed);
            }
            FlowReport report = new ChapkitTestFlow(client, options.timeout, query, options.keep).run(options.url);
            report.print(out);
            return report.passed() ? 0 : 1;
        }
    }

    /** Parsed command-line options. */
    static final class Options {
        String url = "http://localhost:8000";
        Duration timeout = Duration.ofSeconds(60);
        Integer locations;
        Integer periods;
        Long seed;
        String apiKey;
        String apiKeyHeader;
        String bearerToken;
        boolean keep;
        boolean help;

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                int equals = arg.indexOf('=');
                if (arg.startsWith("--") && equals > 0) {
                    value = arg.substring(equals + 1);
                    arg = arg.substring(0, equals);
                }
                switch (arg) {
                    case "-h", "--help" -> options.help = true;
                    case "--keep" -> options.keep = true;
                    case "-u", "--url" -> options.url = value != null ? value : next(args, ++i, arg);
                    case "-t", "--timeout" ->
                        options.timeout = Duration.ofMillis(
                                Math.round(1000 * number(value != null ? value : next(args, ++i, arg), arg)));
                    case "--locations" ->
                        options.locations = (int) number(value != null ? value : next(args, ++i, arg), arg);
                    case "--periods" ->
                        options.periods = (int) number(value != null ? value : next(args, ++i, arg), arg);
                    case "--seed" -> options.seed = (long) number(value != null ? value : next(args, ++i, arg), arg);
                    case "--api-key" -> options.apiKey = value != null ? value : next(args, ++i, arg);
                    case "--api-key-header" -> options.apiKeyHeader = value != null ? value : next(args, ++i, arg);
                    case "--bearer-token" -> options.bearerToken = value != null ? value : next(args, ++i, arg);
                    default -> throw new IllegalArgumentException("Unknown option: " + arg);
                }
            }
            // Secrets from the environment keep them out of the process list and shell history.
            if (options.apiKey == null) {
                options.apiKey = blankToNull(System.getenv("CHAPKIT_API_KEY"));
            }
            if (options.bearerToken == null) {
                options.bearerToken = blankToNull(System.getenv("CHAPKIT_BEARER_TOKEN"));
            }
            String lower = options.url.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
                throw new IllegalArgumentException("--url must start with http:// or https://, got " + options.url);
            }
            return options;
        }

        private static String next(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException("Missing value for " + option);
            }
            return args[index];
        }

        private static double number(String text, String option) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, got '" + text + "'", e);
            }
        }
    }
}
