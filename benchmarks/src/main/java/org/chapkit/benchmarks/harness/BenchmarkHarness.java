package org.chapkit.benchmarks.harness;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.chapkit.benchmarks.http.ConfigGetSuite;
import org.chapkit.benchmarks.micro.MicroSuite;
import org.chapkit.benchmarks.soak.SoakSuite;
import org.chapkit.benchmarks.sse.SseSuite;
import org.chapkit.benchmarks.startup.StartupSuite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one command: {@code java -jar benchmarks/target/benchmarks.jar all} (or suite names: {@code jobs http predict
 * tracing micro export sse startup}, and {@code soak}, which {@code all} leaves out). Starts an embedded PostgreSQL unless {@code --pg-url=jdbc:postgresql://…?user=…} is
 * given, runs the suites in order, and prints metric | ours | baseline | ratio | target, also written as Markdown to
 * {@code --out} (default {@code benchmark-results.md} next to the jar). Other options are read by the suites.
 */
public final class BenchmarkHarness {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkHarness.class);

    /** Every suite, in table order. A new suite goes here. */
    private static final List<Suite> SUITES = List.of(
            new JobsSuite(),
            new ConfigGetSuite(),
            new org.chapkit.benchmarks.security.SecuritySuite(),
            new org.chapkit.benchmarks.events.EventsSuite(),
            new PredictSuite(),
            new InferenceSuite(),
            new TracingSuite(),
            new MicroSuite(),
            new ExportSuite(),
            new SseSuite(),
            new StartupSuite(),
            new SoakSuite());

    private BenchmarkHarness() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        Set<String> selected = new LinkedHashSet<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                options.put(
                        equals < 0 ? arg.substring(2) : arg.substring(2, equals),
                        equals < 0 ? "true" : arg.substring(equals + 1));
            } else {
                selected.add(arg);
            }
        }
        if (selected.isEmpty() || selected.contains("all")) {
            SUITES.stream().filter(Suite::inAll).forEach(suite -> selected.add(suite.name()));
            selected.remove("all");
        }
        for (String name : selected) {
            if (SUITES.stream().noneMatch(suite -> suite.name().equals(name))) {
                throw new IllegalArgumentException("Unknown suite " + name + "; known: all "
                        + SUITES.stream().map(Suite::name).toList());
            }
        }
        Path home = home();
        Path workDir = Files.createTempDirectory("chapkit-bench-");
        Instant started = Instant.now();
        String external = options.getOrDefault("pg-url", "");
        EmbeddedPostgres embedded =
                external.isBlank() ? EmbeddedPostgres.builder().start() : null;
        String url = embedded != null ? embedded.getJdbcUrl("postgres", "postgres") : external;
        List<Row> rows = new ArrayList<>();
        try {
            HarnessContext context = new HarnessContext(url, home, workDir, Map.copyOf(options));
            log.info(
                    "Suites {}; PostgreSQL {}; child logs in {}",
                    selected,
                    embedded != null ? "embedded" : url,
                    workDir);
            for (Suite suite : SUITES) {
                if (!selected.contains(suite.name())) {
                    continue;
                }
                Instant suiteStart = Instant.now();
                log.info("=== {} ===", suite.name());
                try {
                    rows.addAll(suite.run(context));
                } catch (Exception | Error ex) {
                    log.error("Suite {} failed", suite.name(), ex);
                    for (Row row : suite.placeholders()) {
                        rows.add(new Row(row.metric(), null, null, row.target(), null, "FAILED: " + ex));
                    }
                }
                log.info(
                        "=== {} took {} s ===",
                        suite.name(),
                        Duration.between(suiteStart, Instant.now()).toSeconds());
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
        String report = report(rows, started, String.join(" ", args));
        System.out.println();
        System.out.println(report);
        Path out = Path.of(
                options.getOrDefault("out", home.resolve("benchmark-results.md").toString()));
        Files.writeString(out, report);
        log.info("Written to {}", out);
        System.exit(0); // JMH and HTTP client threads must not keep the JVM alive
    }

    private static String report(List<Row> rows, Instant started, String arguments) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Benchmark run %s (%d s), args `%s`%n%n%s%n%n",
                started.truncatedTo(ChronoUnit.SECONDS),
                Duration.between(started, Instant.now()).toSeconds(),
                arguments,
                machine()));
        String[] header = {"metric", "ours", "baseline", "ratio", "target"};
        List<String[]> cells = new ArrayList<>();
        for (Row row : rows) {
            cells.add(
                    new String[] {row.metric(), row.oursText(), row.baselineText(), row.ratioText(), row.targetText()});
        }
        out.append(line(header)).append('\n');
        out.append("|---|--:|--:|--:|---|\n");
        cells.forEach(c -> out.append(line(c)).append('\n'));
        out.append("\nHow each row was measured:\n\n");
        for (Row row : rows) {
            out.append("* ")
                    .append(row.metric())
                    .append(": ")
                    .append(row.note())
                    .append('\n');
        }
        return out.toString();
    }

    private static String line(String[] cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    private static String machine() throws IOException {
        String memory = "?";
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.isReadable(meminfo)) {
            memory = Files.readAllLines(meminfo).getFirst().replaceAll("\\s+", " ");
        }
        String cpu = "?";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("?");
        }
        return String.format(
                Locale.ROOT,
                "Machine: %d CPUs (%s), %s, JDK %s (%s), load average %.1f at the end",
                Runtime.getRuntime().availableProcessors(),
                cpu,
                memory,
                Runtime.version(),
                System.getProperty("java.vm.name"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The directory of benchmarks.jar (or of the classes directory when run from an IDE). */
    private static Path home() throws Exception {
        Path location = Path.of(BenchmarkHarness.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        return location.getParent();
    }
}
