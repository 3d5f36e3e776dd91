package org.chapkit.benchmarks.harness;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.chapkit.id.Ulids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metric 6: starts the sample app with {@code -Xmx256m} on the run's PostgreSQL, stores one prediction-like DataFrame
 * artifact of {@code --export-mb} (300) MB of JSON (generated inside PostgreSQL: the harness never holds it either),
 * and downloads it with {@code $download?format=} as csv, csv + gzip, json, jsonl and parquet over loopback, counting
 * the bytes. Baseline in the same run: an artifact with binary content of the same size downloaded as an
 * octet-stream (the app's raw streaming speed: database chunks → socket). MB/s are output bytes per second (stored
 * JSON bytes per second in the note); peak heap is the largest heap left after a collection during the download
 * (the live set, from the app's {@code -Xlog:gc} log), with the largest heap before a collection (garbage included)
 * in the note. The sample app does not ship Parquet (its optional jars): the harness adds parquet-hadoop and the
 * Hadoop client jars of {@code lib/} to its class path, as a service enabling Parquet would.
 */
public final class ExportSuite implements Suite {

    private static final Logger log = LoggerFactory.getLogger(ExportSuite.class);
    private static final String HEAP = "6. artifact export peak heap, -Xmx256m (MB)";
    private static final Pattern PARQUET_JARS = Pattern.compile(
            "(parquet-|hadoop-client-|snappy-java|commons-pool|aircompressor|zstd-jni|javax.annotation-api|jts-)");
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)");
    private static final String[][] EXPORTS = {
        {"csv", "format=csv"},
        {"csv + gzip", "format=csv&compression=gzip"},
        {"json", "format=json"},
        {"jsonl", "format=jsonl"},
        {"parquet", "format=parquet"}
    };

    @Override
    public String name() {
        return "export";
    }

    @Override
    public List<Row> placeholders() {
        List<Row> rows = new ArrayList<>();
        for (String[] export : EXPORTS) {
            rows.add(Row.notMeasured(metric(export[0]), target(export[0]), "hook: ExportSuite"));
        }
        rows.add(Row.notMeasured(HEAP, "≤ 256 MB", "hook: ExportSuite"));
        return rows;
    }

    private static String metric(String format) {
        return "6. artifact export " + format + ", -Xmx256m (MB/s out)";
    }

    private static String target(String format) {
        return format.equals("csv") ? "≥ 100 MB/s" : "";
    }

    @Override
    public List<Row> run(HarnessContext context) throws Exception {
        AppLayout layout = AppLayout.extract(context);
        long megabytes = context.intOption("export-mb", 300);
        Path gcLog = context.workDir().resolve("export-gc.log");
        List<Path> parquet;
        try (Stream<Path> jars = Files.list(context.home().resolve("lib"))) {
            parquet = jars.filter(jar ->
                            PARQUET_JARS.matcher(jar.getFileName().toString()).lookingAt())
                    .toList();
        }
        try (JavaProcess app = JavaProcess.start(
                        context,
                        "sample-export",
                        List.of("-Xmx256m", "-XX:+UseG1GC", "-Xlog:gc:file=" + gcLog),
                        layout.sampleClasspath(parquet.toArray(Path[]::new)),
                        layout.sampleMainClass(),
                        List.of(context.datasourceArgs()),
                        "/actuator/health");
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                Connection db = DriverManager.getConnection(context.jdbcUrl())) {
            long started = System.nanoTime();
            String frame = Ulids.newUlid();
            long stored = storeFrame(db, frame, megabytes);
            String binary = Ulids.newUlid();
            storeBinary(db, binary, stored);
            log.info(
                    "export: stored a {} MB DataFrame artifact and {} MB of binary content in {} s",
                    stored >> 20,
                    stored >> 20,
                    (System.nanoTime() - started) / 1_000_000_000);

            Measured baseline = download(app, client, gcLog, binary, "");
            log.info("export: octet-stream baseline {}", baseline);
            List<Row> rows = new ArrayList<>();
            long peak = baseline.peakHeap;
            long touched = baseline.touchedHeap;
            for (String[] export : EXPORTS) {
                Measured ours = download(app, client, gcLog, frame, export[1]);
                log.info("export: {} {}", export[0], ours);
                peak = Math.max(peak, ours.peakHeap);
                touched = Math.max(touched, ours.touchedHeap);
                double outMbs = ours.megabytesPerSecond();
                double storedMbs = stored / 1048576.0 / ours.seconds;
                String target = target(export[0]);
                rows.add(new Row(
                        metric(export[0]),
                        outMbs,
                        baseline.megabytesPerSecond(),
                        target,
                        target.isEmpty() ? null : outMbs >= 100,
                        String.format(
                                Locale.ROOT,
                                "GET $download?%s of one %,d MB DataFrame artifact (stored JSON): %,d MB out in %.1f s"
                                        + " = %.1f MB/s out (%.1f MB per app CPU s), %.1f MB/s of stored JSON; heap"
                                        + " after GC ≤ %d MB, before"
                                        + " GC ≤ %d MB; baseline ="
                                        + " octet-stream $download of %,d MB binary content (%.1f s, %.1f MB per app CPU"
                                        + " s)",
                                export[1],
                                stored >> 20,
                                ours.bytes >> 20,
                                ours.seconds,
                                outMbs,
                                ours.megabytesPerCpuSecond(),
                                storedMbs,
                                ours.peakHeap >> 20,
                                ours.touchedHeap >> 20,
                                stored >> 20,
                                baseline.seconds,
                                baseline.megabytesPerCpuSecond())));
            }
            rows.add(new Row(
                    HEAP,
                    (double) (peak >> 20),
                    null,
                    "≤ 256 MB",
                    peak <= 256L << 20,
                    String.format(
                            Locale.ROOT,
                            "largest heap after a GC (-Xlog:gc) during any download above; before GC (garbage"
                                    + " included) ≤ %d MB; the app runs with -Xmx256m, so finishing at all shows that"
                                    + " the export streams",
                            touched >> 20)));
            return rows;
        }
    }

    /** Inserts one prediction-like DataFrame of about {@code megabytes} MB of JSON, built by PostgreSQL itself. */
    private static long storeFrame(Connection db, String id, long megabytes) throws SQLException {
        long rows = megabytes * 1024 * 1024 / 73; // ≈ 73 bytes of JSON per row
        String sql = "INSERT INTO artifacts (id, parent_id, level, data, tags, version, created_at, updated_at) "
                + "SELECT ?, NULL, 0, '{\"type\":\"ml_prediction\",\"metadata\":{\"status\":\"success\"},"
                + "\"content_type\":\"application/vnd.chapkit.dataframe+json\",\"content\":{\"columns\":"
                + "[\"location\",\"time_period\",\"sample_0\",\"sample_1\",\"sample_2\",\"population\",\"observed\"],"
                + "\"data\":[' || string_agg(format('[\"district_%s\",\"2024-%s\",%s,%s,%s,%s,%s]', g % 97,"
                + " 1 + g % 12, round(random() * 1e6) / 1e3, CASE WHEN g % 10 = 0 THEN 'null'"
                + " ELSE (round(random() * 1e6) / 1e3)::text END, (random() - 0.5)::float8, (random() * 1e6)::int,"
                + " CASE WHEN g % 2 = 0 THEN 'true' ELSE 'false' END), ',') || ']}}', '[]', 1, now(), now()"
                + " FROM generate_series(1, ?) AS g";
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            insert.setString(1, id);
            insert.setLong(2, rows);
            insert.executeUpdate();
        }
        try (PreparedStatement size = db.prepareStatement("SELECT octet_length(data) FROM artifacts WHERE id = ?")) {
            size.setString(1, id);
            try (var result = size.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Inserts an artifact with {@code bytes} of binary content in the content store's 1 MiB chunks. */
    private static void storeBinary(Connection db, String id, long bytes) throws SQLException {
        int chunk = 1024 * 1024;
        long chunks = (bytes + chunk - 1) / chunk;
        String content = Ulids.newUlid();
        try (PreparedStatement artifact = db.prepareStatement(
                        "INSERT INTO artifacts (id, parent_id, level, data, tags, version, created_at, updated_at)"
                                + " VALUES (?, NULL, 0, '{\"type\":\"blob\",\"content_type\":\"application/octet-stream\"}',"
                                + " '[]', 1, now(), now())");
                PreparedStatement header = db.prepareStatement(
                        "INSERT INTO artifact_contents (id, artifact_id, size, chunks, head, created_at)"
                                + " VALUES (?, ?, ?, ?, '\\x00'::bytea, now())");
                PreparedStatement chunks1 =
                        db.prepareStatement("INSERT INTO artifact_content_chunks (content_id, seq, bytes) SELECT ?, s,"
                                + " (SELECT decode(string_agg(md5(s || ':' || i), ''), 'hex') FROM generate_series(1, "
                                + (chunk / 16) + ") AS i) FROM generate_series(0, ?) AS s")) {
            artifact.setString(1, id);
            artifact.executeUpdate();
            header.setString(1, content);
            header.setString(2, id);
            header.setLong(3, chunks * chunk);
            header.setLong(4, chunks);
            header.executeUpdate();
            chunks1.setString(1, content);
            chunks1.setLong(2, chunks - 1);
            chunks1.executeUpdate();
        }
    }

    private static Measured download(JavaProcess app, HttpClient client, Path gcLog, String id, String query)
            throws Exception {
        URI uri = URI.create(
                app.baseUri() + "/api/v1/artifacts/" + id + "/$download" + (query.isEmpty() ? "" : "?" + query));
        long logStart = Files.size(gcLog);
        long cpuStart = cpuTicks(app.pid());
        long start = System.nanoTime();
        HttpResponse<InputStream> response =
                client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] buffer = new byte[256 * 1024];
            for (int n; (n = body.read(buffer)) >= 0; ) {
                bytes += n;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpuTicks(app.pid()) - cpuStart) / 100.0;
        Thread.sleep(200); // the log is written asynchronously
        long after = 0;
        long before = 0;
        try (InputStream in = Files.newInputStream(gcLog)) {
            in.skipNBytes(logStart);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher gc = GC_LINE.matcher(line);
                if (gc.find()) {
                    before = Math.max(before, Long.parseLong(gc.group(1)) << 20);
                    after = Math.max(after, Long.parseLong(gc.group(2)) << 20);
                }
            }
        }
        return new Measured(bytes, seconds, cpuSeconds, after, before);
    }

    /** User + system CPU time of a process in clock ticks (1/100 s), from {@code /proc/<pid>/stat}; 0 elsewhere. */
    private static long cpuTicks(long pid) throws java.io.IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.isReadable(stat)) {
            return 0;
        }
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
    }

    /** One download: bytes received, seconds, and the app's largest heap after and before a collection meanwhile. */
    private record Measured(long bytes, double seconds, double cpuSeconds, long peakHeap, long touchedHeap) {

        double megabytesPerSecond() {
            return bytes / 1048576.0 / seconds;
        }

        /** Output megabytes per second of the app's CPU time (all its threads): what one free core would give. */
        double megabytesPerCpuSecond() {
            return cpuSeconds == 0 ? Double.NaN : bytes / 1048576.0 / cpuSeconds;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%,d MB in %.1f s = %.1f MB/s (%.1f MB per app CPU s), heap after GC ≤ %d MB, before GC ≤ %d MB",
                    bytes >> 20,
                    seconds,
                    megabytesPerSecond(),
                    megabytesPerCpuSecond(),
                    peakHeap >> 20,
                    touchedHeap >> 20);
        }
    }
}
