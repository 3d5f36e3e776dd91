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
import java.util.concurrent.atomic.AtomicLong;
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
 * run. Two sample apps ({@code -Xmx512m}) run side by side, each on a database of its own on the run's PostgreSQL (one
 * database would make them one cluster, and a job submitted to one could run on the other): <em>off</em> is the
 * sample app as shipped (no tracer on its class path); <em>on</em> is the same app with {@code
 * spring-boot-starter-opentelemetry}'s jars in front of its class path, every trace sampled ({@code
 * management.tracing.sampling.probability=1.0}) and exported over OTLP/HTTP to a receiver in this JVM that answers 200
 * (so the export's cost is in the figure; the spans it received are counted to prove tracing was on). Each app trains
 * the {@code predict} suite's model, then both get {@code --tracing-warmup} (30) warm-up {@code $predict}s and {@code
 * --tracing-requests} (200) measured ones, alternately (on, off, off, on, …), each observed through the job's {@code
 * $stream} as in the {@code predict} suite.
 */
public final class TracingSuite implements Suite {

    private static final Logger log = LoggerFactory.getLogger(TracingSuite.class);
    private static final String P50 = "17. $predict POST → completed p50, tracing on vs off (ms)";
    private static final String P99 = "17. $predict POST → completed p99, tracing on vs off (ms)";
    private static final String TARGET = "≤ 1.1×";

    /** The jars of {@code spring-boot-starter-opentelemetry} that the sample app does not have. */
    private static final Pattern TRACING_JARS = Pattern.compile("^(spring-boot-(starter-opentelemetry|opentelemetry"
            + "|micrometer-tracing)|micrometer-tracing|micrometer-registry-otlp|opentelemetry-|context-propagation"
            + "|protobuf-java|okhttp|okio|kotlin-stdlib|annotations-13)");

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
        AtomicLong exports = new AtomicLong();
        AtomicLong exportedBytes = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/v1/traces", exchange -> {
            try (exchange) {
                exportedBytes.addAndGet(exchange.getRequestBody().readAllBytes().length);
                exports.incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();
        List<String> onArgs = new ArrayList<>(datasourceArgs(context, "chapkit_tracing_on"));
        onArgs.add("--management.tracing.sampling.probability=1.0");
        onArgs.add("--management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/v1/traces");
        onArgs.add("--management.otlp.metrics.export.enabled=false");
        List<Trip> on = new ArrayList<>();
        List<Trip> off = new ArrayList<>();
        JsonMapper mapper = JsonMapper.builder().build();
        try (JavaProcess tracedApp = JavaProcess.start(
                        context,
                        "sample-tracing-on",
                        List.of("-Xmx512m"),
                        layout.sampleClasspath(tracingJars.toArray(Path[]::new)),
                        layout.sampleMainClass(),
                        onArgs,
                        "/actuator/health");
                JavaProcess plainApp = JavaProcess.start(
                        context,
                        "sample-tracing-off",
                        List.of("-Xmx512m"),
                        layout.sampleClasspath(),
                        layout.sampleMainClass(),
                        datasourceArgs(context, "chapkit_tracing_off"),
                        "/actuator/health");
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build()) {
            Api traced = new Api(new SampleApi(client, tracedApp.baseUri(), mapper), true);
            Api plain = new Api(new SampleApi(client, plainApp.baseUri(), mapper), true);
            String tracedBody = mapper.writeValueAsString(
                    traced.http().train(PredictSuite.CONFIG).predict());
            String plainBody = mapper.writeValueAsString(
                    plain.http().train(PredictSuite.CONFIG).predict());
            for (int i = 0; i < warmup + requests; i++) {
                boolean tracedFirst = i % 2 == 0;
                Trip first = (tracedFirst ? traced : plain)
                        .roundTrip("/api/v1/ml/$predict", tracedFirst ? tracedBody : plainBody);
                Trip second = (tracedFirst ? plain : traced)
                        .roundTrip("/api/v1/ml/$predict", tracedFirst ? plainBody : tracedBody);
                if (i >= warmup) {
                    on.add(tracedFirst ? first : second);
                    off.add(tracedFirst ? second : first);
                }
            }
            // the batch span processor exports every few seconds: wait for at least one export before judging
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (exports.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        } finally {
            receiver.stop(0);
        }
        if (exports.get() == 0) {
            throw new IllegalStateException("The traced app exported no spans: tracing was not on (jars "
                    + tracingJars.stream().map(Path::getFileName).toList() + ")");
        }
        List<Double> onMillis = on.stream().map(Trip::total).toList();
        List<Double> offMillis = off.stream().map(Trip::total).toList();
        double onP50 = PredictSuite.percentile(onMillis, 0.50);
        double offP50 = PredictSuite.percentile(offMillis, 0.50);
        double onP99 = PredictSuite.percentile(onMillis, 0.99);
        double offP99 = PredictSuite.percentile(offMillis, 0.99);
        String phases = "median phases on " + Trip.phases(on) + "; off " + Trip.phases(off);
        log.info(
                "tracing: p50 on {} ms, off {} ms; p99 on {} ms, off {} ms; {} OTLP exports, {} bytes; {}",
                PredictSuite.format(onP50),
                PredictSuite.format(offP50),
                PredictSuite.format(onP99),
                PredictSuite.format(offP99),
                exports.get(),
                exportedBytes.get(),
                phases);
        String how = String.format(
                Locale.ROOT,
                "%d sequential $predict per app after %d warm-up, the two apps alternately (on, off, off, on, …),"
                        + " completion seen through $stream?poll_interval=0.002; on = sample app + %d tracing jars,"
                        + " sampling 1.0, OTLP/HTTP export to a local receiver (%d exports, %,d bytes received);"
                        + " off = the sample app as shipped; each app on its own database of the run's PostgreSQL",
                requests,
                warmup,
                tracingJars.size(),
                exports.get(),
                exportedBytes.get());
        return List.of(
                new Row(P50, onP50, offP50, TARGET, onP50 / offP50 <= 1.1, how + "; " + phases),
                new Row(P99, onP99, offP99, "", null, how));
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
        if (jars.stream().noneMatch(jar -> jar.getFileName().toString().startsWith("micrometer-tracing-bridge-otel"))) {
            throw new IllegalStateException("No micrometer-tracing-bridge-otel in "
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
