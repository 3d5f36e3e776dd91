package org.chapkit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.chapkit.artifact.ArtifactRepository;
import org.chapkit.artifact.transfer.TabularFormat;
import org.chapkit.artifact.transfer.TabularSource;
import org.chapkit.artifact.transfer.internal.ArtifactFrames;
import org.chapkit.artifact.transfer.internal.StoredData;
import org.chapkit.db.ChapkitTables;
import org.chapkit.id.Ulids;
import org.chapkit.ml.format.DataFrameFormats;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports a large prediction set (a training artifact with many DataFrame prediction children, {@code -Dexport.mb}
 * MB of stored JSON in all) from embedded PostgreSQL through {@code $export}'s code path (stored JSON → streaming
 * parser → format writer) into a byte-counting sink, in a JVM started with {@code -Xmx256m}, and reports MB/s and
 * peak heap per format. Not a test: run with {@code ./mvnw -B -Pbenchmarks -pl benchmarks -am verify -DskipTests
 * -Djobs.benchmark.skip=true -Dexport.benchmark.skip=false}.
 */
public final class DataExportBenchmark {

    private static final Logger log = LoggerFactory.getLogger(DataExportBenchmark.class);
    private static final int ROWS_PER_ARTIFACT = 50_000;

    private DataExportBenchmark() {}

    public static void main(String[] args) throws Exception {
        long targetBytes = Long.getLong("export.mb", 500) * 1024 * 1024;
        try (EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
                HikariDataSource dataSource = dataSource(embedded.getJdbcUrl("postgres", "postgres"))) {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:org/chapkit/db/migration/postgresql")
                    .table("chapkit_schema_history")
                    .load()
                    .migrate();
            JsonMapper mapper = JsonMapper.builder().build();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            ArtifactFrames artifacts = new ArtifactFrames(
                    new ArtifactRepository(jdbc, mapper),
                    new StoredData(jdbc, mapper, dataSource, ChapkitTables.DEFAULT));

            String training = Ulids.newUlid();
            insert(jdbc, training, null, 0, "{\"type\":\"ml_training_workspace\"}");
            long stored = 0;
            int parts = 0;
            Random random = new Random(42);
            while (stored < targetBytes) {
                String json = predictionJson(random, parts);
                insert(jdbc, Ulids.newUlid(), training, 1, json);
                stored += json.length();
                parts++;
            }
            log.info(
                    "{} prediction artifacts x {} rows, {} MB stored JSON, max heap {} MB, {} cores",
                    parts,
                    ROWS_PER_ARTIFACT,
                    stored / (1024 * 1024),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    Runtime.getRuntime().availableProcessors());
            List<String> ids = artifacts.frameDescendants(training);
            List<String> lines = new ArrayList<>();
            lines.add(
                    "| format | compression | output MB | seconds | stored JSON MB/s | output MB/s | output MB per CPU s"
                            + " | peak heap MB |");
            lines.add("|---|---|---:|---:|---:|---:|---:|---:|");
            for (TabularFormat format : DataFrameFormats.all(mapper)) {
                // Compression is orthogonal to the format: measured once, on CSV.
                for (boolean gzip : format.name().equals("csv") ? new boolean[] {false, true} : new boolean[] {false}) {
                    System.gc();
                    resetPeaks();
                    long start = System.nanoTime();
                    long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    CountingSink sink = new CountingSink();
                    TabularSource source = artifacts.frames(ids, "artifact_id");
                    try (OutputStream out = gzip ? new GZIPOutputStream(sink, 64 * 1024) : sink) {
                        format.write(source, out);
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double cpuSeconds =
                            (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
                    double storedMb = stored / 1048576.0;
                    double outMb = sink.count / 1048576.0;
                    String line = String.format(
                            "| %s | %s | %.0f | %.1f | %.1f | %.1f | %.1f | %d |",
                            format.name(),
                            gzip ? "gzip" : "none",
                            outMb,
                            seconds,
                            storedMb / seconds,
                            outMb / seconds,
                            outMb / cpuSeconds,
                            peakHeap() / (1024 * 1024));
                    log.info(line);
                    lines.add(line);
                }
            }
            System.out.println(String.join("\n", lines));
        }
    }

    /** One prediction frame: location, time_period, three samples (floats, some null), an integer and a flag. */
    private static String predictionJson(Random random, int part) {
        StringBuilder json = new StringBuilder(ROWS_PER_ARTIFACT * 96);
        json.append("{\"type\":\"ml_prediction\",\"metadata\":{\"status\":\"success\"},")
                .append("\"content_type\":\"application/vnd.chapkit.dataframe+json\",\"content\":{")
                .append("\"columns\":[\"location\",\"time_period\",\"sample_0\",\"sample_1\",\"sample_2\",")
                .append("\"population\",\"observed\"],\"data\":[");
        for (int r = 0; r < ROWS_PER_ARTIFACT; r++) {
            if (r > 0) {
                json.append(',');
            }
            json.append("[\"district_")
                    .append(part % 97)
                    .append("\",\"2024-")
                    .append(1 + r % 12)
                    .append("\",")
                    .append(Math.round(random.nextDouble() * 1e6) / 1e3)
                    .append(',')
                    .append(
                            random.nextInt(10) == 0
                                    ? "null"
                                    : Double.toString(Math.round(random.nextDouble() * 1e6) / 1e3))
                    .append(',')
                    .append(random.nextGaussian())
                    .append(',')
                    .append(random.nextInt(1_000_000))
                    .append(',')
                    .append(random.nextBoolean())
                    .append(']');
        }
        return json.append("]}}").toString();
    }

    private static void insert(JdbcClient jdbc, String id, String parentId, int level, String data) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO artifacts (id, parent_id, level, data, tags, version, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, '[]', 1, ?, ?)")
                .params(id, parentId, level, data, now, now)
                .update();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since {@link #resetPeaks()} (an upper bound of the live heap at any time). */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static HikariDataSource dataSource(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    /** Counts bytes and drops them (the network is not measured). */
    private static final class CountingSink extends OutputStream {

        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
