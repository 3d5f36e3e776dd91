package org.chapkit.benchmarks.harness;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chapkit.benchmarks.harness.PredictSuite.Api;
import org.chapkit.benchmarks.harness.PredictSuite.Trip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17's tracing overhead: {@code $predict} POST → completed p50 with tracing on against tracing off, in the same
 * run. Sample apps ({@code -Xmx512m}) run side by side, each on a database of its own on the run's PostgreSQL (one
 * database would make them one cluster, and a job submitted to one could run on the other): <em>off</em> is the
 * sample app as shipped (no tracer on its class path); <em>on</em> is the same app with {@code
 * spring-boot-starter-opentelemetry}'s jars and datasource-micrometer (JDBC spans) in front of its class path, every
 * trace sampled ({@code management.tracing.sampling.probability=1.0}) and exported over OTLP/HTTP to a receiver in
 * this JVM that answers 200 at once (so the export's cost is in the figure) and counts the spans it received by name.
 * {@code --tracing-variants=name:prop=value+prop=value,…} adds traced apps with other settings to the same run. Each
 * app trains the {@code predict} suite's model, then all get {@code --tracing-warmup} (30) warm-up {@code $predict}s
 * and {@code --tracing-requests} (200) measured ones, in rotating order (each app first equally often), each observed
 * through the job's {@code $stream} as in the {@code predict} suite.
 */
public final class TracingSuite implements Suite {

    private static final Logger log = LoggerFactory.getLogger(TracingSuite.class);
    private static final String P50 = "17. $predict POST → completed p50, tracing on vs off (ms)";
    private static final String P99 = "17. $predict POST → completed p99, tracing on vs off (ms)";
    private static final String TARGET = "≤ 1.1×";

    /**
     * The jars of {@code spring-boot-starter-opentelemetry} that the sample app does not have, and datasource-micrometer
     * (optional in the starter) for the JDBC spans.
     */
    private static final Pattern TRACING_JARS = Pattern.compile("^(spring-boot-(starter-opentelemetry|opentelemetry"
            + "|micrometer-tracing)|micrometer-tracing|micrometer-registry-otlp|opentelemetry-|context-propagation"
            + "|protobuf-java|okhttp|okio|kotlin-stdlib|annotations-13|datasource-micrometer|datasource-proxy)");

    @Override
    public String name() {
        return "tracing";
    }

    @Override
    public List<Row> placeholders() {
        return List.of(Row.notMeasured(P50, TARGET, ""), Row.notMeasured(P99, "", ""));
    }

    @Override
    public List<Row> run(HarnessContext context) throws Exception {
        AppLayout layout = AppLayout.extract(context);
        int warmup = context.intOption("tracing-warmup", 30);
        int requests = context.intOption("tracing-requests", 200);
        List<Path> tracingJars = tracingJars(context, layout);
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("on", List.of()));
        variants.addAll(Variant.parse(context.options().getOrDefault("tracing-variants", "")));
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<OtlpSpanCounter> counters = new ArrayList<>();
        for (Variant variant : variants) {
            OtlpSpanCounter counter = new OtlpSpanCounter();
            receiver.createContext("/" + variant.name() + "/v1/traces", counter);
            counters.add(counter);
        }
        receiver.start();
        JsonMapper mapper = JsonMapper.builder().build();
        List<JavaProcess> processes = new ArrayList<>();
        List<List<Trip>> trips = new ArrayList<>();
        int[] retries = {0};
        try (HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            // index 0 is off (the sample app as shipped), then the traced variants, "on" first
            List<Api> apis = new ArrayList<>();
            processes.add(JavaProcess.start(
                    context,
                    "sample-tracing-off",
                    List.of("-Xmx512m"),
                    layout.sampleClasspath(),
                    layout.sampleMainClass(),
                    datasourceArgs(context, "chapkit_tracing_off"),
                    "/actuator/health"));
            for (Variant variant : variants) {
                List<String> args = new ArrayList<>(datasourceArgs(context, "chapkit_tracing_" + variant.dbName()));
                args.add("--management.tracing.sampling.probability=1.0");
                args.add("--management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:"
                        + receiver.getAddress().getPort() + "/" + variant.name() + "/v1/traces");
                args.add("--management.otlp.metrics.export.enabled=false");
                variant.properties().forEach(property -> args.add("--" + property));
                processes.add(JavaProcess.start(
                        context,
                        "sample-tracing-" + variant.name(),
                        List.of("-Xmx512m"),
                        layout.sampleClasspath(tracingJars.toArray(Path[]::new)),
                        layout.sampleMainClass(),
                        args,
                        "/actuator/health"));
            }
            List<String> bodies = new ArrayList<>();
            for (JavaProcess process : processes) {
                Api api = new Api(new SampleApi(client, process.baseUri(), mapper), true);
                apis.add(api);
                bodies.add(mapper.writeValueAsString(
                        api.http().train(PredictSuite.CONFIG).predict()));
                trips.add(new ArrayList<>());
            }
            int apps = apis.size();
            for (int i = 0; i < warmup + requests; i++) {
                // each app takes each place in the order equally often: i=0 on, off; i=1 off, on; …
                for (int k = 0; k < apps; k++) {
                    int app = (i + k + 1) % apps;
                    Trip trip = roundTrip(apis.get(app), bodies.get(app), retries);
                    if (i >= warmup) {
                        trips.get(app).add(trip);
                    }
                }
            }
            // the batch span processor exports every 5 s: wait until the last exports are in before counting
            for (OtlpSpanCounter counter : counters) {
                counter.awaitQuiet(6_000);
            }
        } finally {
            for (JavaProcess process : processes) {
                process.close();
            }
            receiver.stop(0);
        }
        for (int v = 0; v < variants.size(); v++) {
            if (counters.get(v).exports() == 0 && variants.get(v).exports()) {
                throw new IllegalStateException(
                        "The traced app '" + variants.get(v).name()
                                + "' exported no spans: tracing was not on (jars "
                                + tracingJars.stream().map(Path::getFileName).toList() + ")");
            }
        }
        List<Trip> off = trips.get(0);
        List<Double> offMillis = off.stream().map(Trip::total).toList();
        double offP50 = PredictSuite.percentile(offMillis, 0.50);
        double offP99 = PredictSuite.percentile(offMillis, 0.99);
        int predicts = warmup + requests + 1; // and one training
        List<Row> rows = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            Variant variant = variants.get(v);
            OtlpSpanCounter counter = counters.get(v);
            List<Trip> on = trips.get(v + 1);
            List<Double> onMillis = on.stream().map(Trip::total).toList();
            double onP50 = PredictSuite.percentile(onMillis, 0.50);
            double onP99 = PredictSuite.percentile(onMillis, 0.99);
            String phases = "median phases " + variant.name() + " " + Trip.phases(on) + "; off " + Trip.phases(off);
            String spans = String.format(
                    Locale.ROOT,
                    "%.1f spans per $predict round trip (%d OTLP exports, %,d bytes): %s",
                    counter.spans() / (double) predicts,
                    counter.exports(),
                    counter.bytes(),
                    counter.perName(predicts));
            log.info(
                    "tracing {}: p50 {} ms vs off {} ms ({}x); p99 {} ms vs off {} ms; {}; {}",
                    variant.name(),
                    PredictSuite.format(onP50),
                    PredictSuite.format(offP50),
                    String.format(Locale.ROOT, "%.2f", onP50 / offP50),
                    PredictSuite.format(onP99),
                    PredictSuite.format(offP99),
                    spans,
                    phases);
            String how = String.format(
                    Locale.ROOT,
                    "%d sequential $predict per app after %d warm-up, the %d apps in rotating order, completion seen"
                            + " through $stream?poll_interval=0.002; %s = sample app + %d tracing jars, sampling 1.0,"
                            + " OTLP/HTTP export to a local receiver%s; off = the sample app as shipped; each app on"
                            + " its own database of the run's PostgreSQL; %d round trips retried after a dropped"
                            + " keep-alive connection; %s",
                    requests,
                    warmup,
                    apps(variants),
                    variant.name(),
                    tracingJars.size(),
                    variant.properties().isEmpty() ? "" : " and " + String.join(", ", variant.properties()),
                    retries[0],
                    spans);
            String suffix = v == 0 ? "" : " [" + variant.name() + "]";
            rows.add(new Row(
                    P50 + suffix,
                    onP50,
                    offP50,
                    v == 0 ? TARGET : "",
                    v == 0 ? onP50 / offP50 <= 1.1 : null,
                    how + "; " + phases));
            rows.add(new Row(P99 + suffix, onP99, offP99, "", null, how));
        }
        return rows;
    }

    /**
     * One round trip; once more if the client's pooled connection turned out closed ("header parser received no
     * bytes": the server closed a keep-alive connection after an SSE stream), which is the client's, not the app's.
     */
    private static Trip roundTrip(Api api, String body, int[] retries) throws Exception {
        try {
            return api.roundTrip("/api/v1/ml/$predict", body);
        } catch (java.io.IOException dropped) {
            retries[0]++;
            log.warn("tracing: round trip retried after {}", dropped.toString());
            return api.roundTrip("/api/v1/ml/$predict", body);
        }
    }

    private static int apps(List<Variant> variants) {
        return variants.size() + 1;
    }

    /**
     * A traced app of the run: {@code on} has no extra properties; {@code --tracing-variants=name:prop=value+prop=value,…}
     * adds more traced apps to the same rotation (e.g. {@code jdbc-off:chapkit.tracing.jdbc=false}), each measured
     * against the same {@code off} app. A variant that switches export off (e.g. {@code
     * noexp:management.tracing.export.enabled=false}) makes its spans but sends none: what the spans cost without OTLP.
     */
    record Variant(String name, List<String> properties) {

        static List<Variant> parse(String option) {
            List<Variant> variants = new ArrayList<>();
            for (String spec : option.split(",")) {
                if (spec.isBlank()) {
                    continue;
                }
                int colon = spec.indexOf(':');
                String name =
                        colon < 0 ? spec.strip() : spec.substring(0, colon).strip();
                if (!name.matches("[a-z0-9-]+") || name.equals("on") || name.equals("off")) {
                    throw new IllegalArgumentException("--tracing-variants: bad name '" + name + "'");
                }
                List<String> properties = colon < 0
                        ? List.of()
                        : Stream.of(spec.substring(colon + 1).split("\\+"))
                                .map(String::strip)
                                .filter(p -> !p.isEmpty())
                                .toList();
                variants.add(new Variant(name, properties));
            }
            return variants;
        }

        String dbName() {
            return name.replace('-', '_');
        }

        /** False for a variant that switches span export off (a {@code ….export.enabled=false} property). */
        boolean exports() {
            return properties.stream().noneMatch(property -> property.endsWith("export.enabled=false"));
        }
    }

    /** The tracing jars of the harness's {@code lib/} that the sample app does not have. */
    private static List<Path> tracingJars(HarnessContext context, AppLayout layout) throws Exception {
        Set<String> sample = layout.libraries().stream()
                .map(jar -> jar.getFileName().toString())
                .collect(Collectors.toSet());
        List<Path> jars;
        try (Stream<Path> files = Files.list(context.home().resolve("lib"))) {
            jars = files.filter(jar -> {
                        String name = jar.getFileName().toString();
                        return TRACING_JARS.matcher(name).lookingAt() && !sample.contains(name);
                    })
                    .sorted()
                    .toList();
        }
        if (jars.stream().noneMatch(jar -> jar.getFileName().toString().startsWith("micrometer-tracing-bridge-otel"))
                || jars.stream().noneMatch(jar -> jar.getFileName().toString().startsWith("datasource-micrometer"))) {
            throw new IllegalStateException("No micrometer-tracing-bridge-otel or datasource-micrometer in "
                    + context.home().resolve("lib") + " (build the benchmarks module with package)");
        }
        return jars;
    }

    /** A fresh database of its own for one app, and the arguments pointing the app at it. */
    private static List<String> datasourceArgs(HarnessContext context, String database) throws Exception {
        try (Connection db = DriverManager.getConnection(context.jdbcUrl());
                Statement statement = db.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database);
        }
        Matcher url = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$").matcher(context.jdbcUrl());
        if (!url.matches()) {
            throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + context.jdbcUrl());
        }
        return List.of(
                "--spring.datasource.url=" + url.group(1) + database + url.group(3),
                "--spring.datasource.username=" + context.jdbcUser(),
                "--spring.datasource.password=");
    }
}
