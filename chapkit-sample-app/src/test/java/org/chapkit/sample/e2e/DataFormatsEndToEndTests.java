package org.chapkit.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.chapkit.client.ChapkitClient;
import org.chapkit.client.ChapkitProblemException;
import org.chapkit.client.artifact.Artifact;
import org.chapkit.client.artifact.ArtifactClient;
import org.chapkit.client.artifact.ArtifactContent;
import org.chapkit.client.artifact.ArtifactDownload;
import org.chapkit.client.artifact.ArtifactRequest;
import org.chapkit.client.artifact.Compression;
import org.chapkit.client.artifact.DataFormat;
import org.chapkit.client.artifact.DownloadOptions;
import org.chapkit.client.artifact.ImportOptions;
import org.chapkit.client.config.Config;
import org.chapkit.client.data.DataFrame;
import org.chapkit.client.job.JobSubmission;
import org.chapkit.client.ml.PredictSample;
import org.chapkit.client.ml.PredictionArtifactData;
import org.chapkit.client.ml.SampleDataQuery;
import org.chapkit.client.ml.TrainSample;
import org.chapkit.ml.format.DataFrameReaders;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * DataFrame files through {@code chapkit-client} against the sample app, on H2 and on PostgreSQL: a CSV imported
 * (plain, gzip, bzip2) comes back with the same values, types and nulls in every format × compression; a trained
 * model's predictions export as one file with an {@code artifact_id} column; and the error paths are problem
 * details.
 */
class DataFormatsEndToEndTests {

    /** A valid ULID that names nothing. */
    static final String UNKNOWN_ID = SampleAppEndToEndTests.UNKNOWN_ID;

    /**
     * Strings (with a comma, quotes and non-ASCII), integers (one beyond a double's precision), floats (a column
     * mixing {@code 2} and {@code 0.5} is float), booleans ({@code yes} is true) and empty cells (null).
     */
    static final String CSV = String.join(
            "\r\n",
            "location,period,cases,rate,flag,note",
            "loc_a,1,10,0.5,true,hello",
            "loc_b,2,,2,false,",
            "\"loc, c\",3,7,,true,\"say \"\"hi\"\"\"",
            "loc_d,4,9007199254740993,0.001,yes,naïve ☃",
            "");

    static final List<String> COLUMNS = List.of("location", "period", "cases", "rate", "flag", "note");

    /** What the CSV reads as, cells normalised by {@link #cell(Object)}. */
    static final List<List<Object>> ROWS = List.of(
            Arrays.asList("loc_a", 1L, 10L, 0.5, true, "hello"),
            Arrays.asList("loc_b", 2L, null, 2.0, false, null),
            Arrays.asList("loc, c", 3L, 7L, null, true, "say \"hi\""),
            Arrays.asList("loc_d", 4L, 9007199254740993L, 0.001, true, "naïve ☃"));

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Contract {}

    abstract static class Contract {

        @LocalServerPort
        int port;

        ChapkitClient client;

        @TempDir
        Path directory;

        @BeforeEach
        void connect() {
            client = LocalService.client(port);
        }

        @AfterEach
        void disconnect() {
            client.close();
        }

        @Test
        void anImportedCsvComesBackAlikeInEveryFormatAndCompression() throws IOException {
            ArtifactClient artifacts = client.artifacts();
            Artifact<JsonNode> parent = artifacts.create(ArtifactRequest.root(Map.of("type", "import-parent")));
            byte[] csv = CSV.getBytes(StandardCharsets.UTF_8);

            Artifact<JsonNode> imported = artifacts.importFrame(
                    new ByteArrayInputStream(csv),
                    ImportOptions.of(DataFormat.CSV).withParent(parent.id()).withTags("e2e", "csv-import"));
            assertThat(imported.parentId()).isEqualTo(parent.id());
            assertThat(imported.level()).isEqualTo(1);
            assertThat(imported.tags()).containsExactly("e2e", "csv-import");
            assertThat(imported.data().get("type").asString()).isEqualTo("dataframe");
            assertThat(imported.data().get("content_type").asString())
                    .isEqualTo(PredictionArtifactData.DATAFRAME_CONTENT_TYPE);
            assertThat(imported.data().get("metadata").get("source_format").asString())
                    .isEqualTo("csv");
            DataFrame stored =
                    artifacts.get(imported.id(), StoredFrame.class).data().content();
            assertThat(stored.columns()).isEqualTo(COLUMNS);
            assertThat(rows(stored.data())).isEqualTo(ROWS);

            for (Compression compression : List.of(Compression.GZIP, Compression.BZIP2)) {
                Path file = directory.resolve("frame.csv" + compression.suffix());
                try (OutputStream out = compress(Files.newOutputStream(file), compression)) {
                    out.write(csv);
                }
                Artifact<JsonNode> again = artifacts.importFrame(file);
                assertThat(rows(artifacts
                                .get(again.id(), StoredFrame.class)
                                .data()
                                .content()
                                .data()))
                        .as("a %s-compressed import", compression)
                        .isEqualTo(ROWS);
                artifacts.delete(again.id());
            }

            for (DataFormat format : DataFormat.values()) {
                byte[] plain = null;
                for (Compression compression : Compression.values()) {
                    DownloadOptions options = DownloadOptions.as(format).compressed(compression);
                    Path target = directory.resolve("download." + format.extension() + compression.suffix());
                    ArtifactDownload download = artifacts.download(imported.id(), options, target);
                    String what = format + " " + compression;
                    assertThat(download.contentType()).as(what).startsWith(options.expectedContentType());
                    assertThat(download.fileName())
                            .as(what)
                            .isEqualTo("artifact_" + imported.id() + "." + format.extension() + compression.suffix());
                    assertThat(download.bytes()).as(what).isEqualTo(Files.size(target));
                    byte[] file;
                    try (InputStream in = decompress(Files.newInputStream(target), compression)) {
                        file = in.readAllBytes();
                    }
                    Decoded decoded = decode(format, file);
                    assertThat(decoded.columns()).as(what).isEqualTo(COLUMNS);
                    assertThat(decoded.rows()).as(what).isEqualTo(ROWS);
                    if (compression == Compression.NONE) {
                        plain = file;
                    } else if (format != DataFormat.PARQUET) {
                        assertThat(file)
                                .as("%s decompressed equals the plain file", what)
                                .isEqualTo(plain);
                    }
                }
                ByteArrayOutputStream transferred = new ByteArrayOutputStream();
                ArtifactDownload viaGzip = artifacts.download(
                        imported.id(), DownloadOptions.as(format).withGzipTransfer(), transferred);
                assertThat(viaGzip.contentType()).startsWith(format.mediaType());
                if (format != DataFormat.PARQUET) {
                    assertThat(transferred.toByteArray())
                            .as("%s sent with Content-Encoding: gzip is decoded on the fly", format)
                            .isEqualTo(plain);
                } else {
                    assertThat(decode(format, transferred.toByteArray()).rows()).isEqualTo(ROWS);
                }
            }

            try (ArtifactContent asStored = artifacts.openDownload(imported.id())) {
                assertThat(asStored.contentType()).startsWith(PredictionArtifactData.DATAFRAME_CONTENT_TYPE);
                assertThat(decode(DataFormat.JSON, asStored.body().readAllBytes())
                                .rows())
                        .as("without format: records JSON, as chapkit")
                        .isEqualTo(ROWS);
            }
            artifacts.delete(imported.id());
            artifacts.delete(parent.id());
        }

        @Test
        void aTrainedModelsPredictionsExportAsOneFileWithTheirArtifactIds() throws IOException {
            Config<JsonNode> config =
                    client.configs(JsonNode.class).create("export", JsonNodeFactory.instance.objectNode());
            SampleDataQuery query =
                    SampleDataQuery.DEFAULTS.withConfigId(config.id()).withSize(3, 30);
            TrainSample trainSample = client.ml().sampleTrainData(query.withSeed(11));
            JobSubmission train = client.ml().train(trainSample.toRequest(config.id()));
            client.jobs().waitForJob(train.jobId(), Duration.ofSeconds(60)).requireCompleted();
            List<Artifact<PredictionArtifactData>> predictions = new ArrayList<>();
            for (long seed : new long[] {12, 13}) {
                PredictSample input = client.ml().samplePredictData(query.withSeed(seed));
                JobSubmission predict = client.ml().predict(input.toRequest(train.artifactId()));
                client.jobs()
                        .waitForJob(predict.jobId(), Duration.ofSeconds(60))
                        .requireCompleted();
                predictions.add(client.artifacts().get(predict.artifactId(), PredictionArtifactData.class));
            }
            List<String> predictionColumns =
                    predictions.getFirst().data().content().columns();
            List<List<Object>> expected = new ArrayList<>();
            for (Artifact<PredictionArtifactData> prediction : predictions) {
                for (List<Object> row : rows(prediction.data().content().data())) {
                    List<Object> withId = new ArrayList<>();
                    withId.add(prediction.id());
                    withId.addAll(row);
                    expected.add(withId);
                }
            }
            List<String> expectedColumns = new ArrayList<>();
            expectedColumns.add("artifact_id");
            expectedColumns.addAll(predictionColumns);

            Path parquet = directory.resolve("predictions.parquet.gz");
            ArtifactDownload exported = client.artifacts()
                    .export(
                            train.artifactId(),
                            DownloadOptions.as(DataFormat.PARQUET).compressed(Compression.GZIP),
                            parquet);
            assertThat(exported.contentType()).startsWith("application/gzip");
            assertThat(exported.fileName()).isEqualTo("artifact_" + train.artifactId() + "_export.parquet.gz");
            Decoded fromParquet;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(parquet))) {
                fromParquet = decode(DataFormat.PARQUET, in.readAllBytes());
            }
            assertThat(fromParquet.columns()).isEqualTo(expectedColumns);
            assertThat(fromParquet.rows()).isEqualTo(expected);

            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            client.artifacts().export(train.artifactId(), DownloadOptions.AS_STORED, csv);
            Decoded fromCsv = decode(DataFormat.CSV, csv.toByteArray());
            assertThat(fromCsv.columns()).as("CSV by default").isEqualTo(expectedColumns);
            assertThat(fromCsv.rows()).hasSize(expected.size());
            assertThat(new LinkedHashSet<>(
                            fromCsv.rows().stream().map(List::getFirst).toList()))
                    .containsExactly(predictions.get(0).id(), predictions.get(1).id());

            ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
            client.artifacts()
                    .export(
                            train.artifactId(),
                            DownloadOptions.as(DataFormat.JSONL).withGzipTransfer(),
                            jsonl);
            assertThat(decode(DataFormat.JSONL, jsonl.toByteArray()).rows()).isEqualTo(expected);

            ChapkitProblemException leaf = catchThrowableOfType(
                    ChapkitProblemException.class,
                    () -> client.artifacts()
                            .export(
                                    predictions.getFirst().id(),
                                    DownloadOptions.AS_STORED,
                                    new ByteArrayOutputStream()));
            assertThat(leaf.status()).isEqualTo(404);
            assertThat(leaf.detail()).contains("no DataFrame descendants");

            client.configs(JsonNode.class).delete(config.id());
        }

        @Test
        void unknownFormatsMissingArtifactsAndMalformedFilesAreProblems() throws IOException {
            ArtifactClient artifacts = client.artifacts();
            Artifact<JsonNode> frame = artifacts.importFrame(
                    new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)), ImportOptions.of(DataFormat.CSV));
            String download = "/api/v1/artifacts/" + frame.id() + "/$download";

            ChapkitProblemException unknownFormat = catchThrowableOfType(
                    ChapkitProblemException.class,
                    () -> client.http().open("GET", download, Map.of("format", "xlsx"), "*/*"));
            assertThat(unknownFormat.status()).isEqualTo(400);
            assertThat(unknownFormat.detail()).isEqualTo("Unknown format 'xlsx'; supported: csv, json, jsonl, parquet");
            ChapkitProblemException unknownCompression = catchThrowableOfType(
                    ChapkitProblemException.class,
                    () -> client.http()
                            .open(
                                    "GET",
                                    "/api/v1/artifacts/" + frame.id() + "/$export",
                                    Map.of("compression", "zip"),
                                    "*/*"));
            assertThat(unknownCompression.status()).isEqualTo(400);
            assertThat(unknownCompression.detail()).contains("Unknown compression 'zip'");

            Artifact<JsonNode> plainJson = artifacts.create(ArtifactRequest.root(Map.of("type", "note", "n", 1)));
            ChapkitProblemException notAFrame = catchThrowableOfType(
                    ChapkitProblemException.class,
                    () -> artifacts.download(
                            plainJson.id(), DownloadOptions.as(DataFormat.CSV), new ByteArrayOutputStream()));
            assertThat(notAFrame.status()).isEqualTo(400);
            assertThat(notAFrame.detail()).isNotBlank();

            Path target = directory.resolve("missing.csv");
            ChapkitProblemException missing = catchThrowableOfType(
                    ChapkitProblemException.class,
                    () -> artifacts.download(UNKNOWN_ID, DownloadOptions.as(DataFormat.CSV), target));
            assertThat(missing.isNotFound()).isTrue();
            assertThat(missing.detail()).contains(UNKNOWN_ID);
            ChapkitProblemException missingExport = catchThrowableOfType(
                    ChapkitProblemException.class,
                    () -> artifacts.export(UNKNOWN_ID, DownloadOptions.as(DataFormat.PARQUET), target));
            assertThat(missingExport.isNotFound()).isTrue();
            try (var files = Files.list(directory)) {
                assertThat(files).as("failed downloads leave no file").isEmpty();
            }

            long before = artifacts.stats().total();
            ChapkitProblemException malformed = catchThrowableOfType(
                    ChapkitProblemException.class,
                    () -> artifacts.importFrame(
                            new ByteArrayInputStream("[{\"a\": 1}, {\"a\":".getBytes(StandardCharsets.UTF_8)),
                            ImportOptions.of(DataFormat.JSON)));
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.detail()).startsWith("Malformed JSON");
            ChapkitProblemException notGzip = catchThrowableOfType(
                    ChapkitProblemException.class,
                    () -> artifacts.importFrame(
                            new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)),
                            ImportOptions.of(DataFormat.CSV).compressed(Compression.GZIP)));
            assertThat(notGzip.status()).isEqualTo(400);
            ChapkitProblemException notParquet = catchThrowableOfType(
                    ChapkitProblemException.class,
                    () -> artifacts.importFrame(
                            new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)),
                            ImportOptions.of(DataFormat.PARQUET)));
            assertThat(notParquet.status()).isEqualTo(400);
            ChapkitProblemException unknownParent = catchThrowableOfType(
                    ChapkitProblemException.class,
                    () -> artifacts.importFrame(
                            new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)),
                            ImportOptions.of(DataFormat.CSV).withParent(UNKNOWN_ID)));
            assertThat(unknownParent.status()).isEqualTo(400);
            ChapkitProblemException unknownImportFormat = catchThrowableOfType(
                    ChapkitProblemException.class,
                    () -> client.http()
                            .upload(
                                    "POST",
                                    "/api/v1/artifacts/$import",
                                    Map.of("format", "xlsx"),
                                    "application/octet-stream",
                                    BodyPublishers.ofString("x"),
                                    null,
                                    null));
            assertThat(unknownImportFormat.status()).isEqualTo(400);
            assertThat(unknownImportFormat.detail()).startsWith("Unknown format 'xlsx'");
            assertThat(artifacts.stats().total()).as("nothing stored").isEqualTo(before);

            artifacts.delete(frame.id());
            artifacts.delete(plainJson.id());
        }
    }

    /**
     * An imported artifact's {@code data} as the client reads it.
     *
     * @param type {@code dataframe}
     * @param content the frame
     */
    record StoredFrame(String type, DataFrame content) {}

    /** A decoded file: its columns and its rows, cells normalised. */
    record Decoded(List<String> columns, List<List<Object>> rows) {}

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    static Decoded decode(DataFormat format, byte[] file) throws IOException {
        return switch (format) {
            case CSV -> frame(DataFrameReaders.readCsv(new ByteArrayInputStream(file)));
            case PARQUET -> frame(DataFrameReaders.readParquet(new ByteArrayInputStream(file)));
            case JSON -> records(List.copyOf(MAPPER.readTree(file).values()));
            case JSONL -> {
                List<JsonNode> records = new ArrayList<>();
                for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        records.add(MAPPER.readTree(line));
                    }
                }
                yield records(records);
            }
        };
    }

    /** JSON records read by Jackson alone, so the JSON types are checked independently of the server's readers. */
    static Decoded records(List<JsonNode> records) {
        List<String> columns = new ArrayList<>(records.getFirst().propertyNames());
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode record : records) {
            assertThat(new ArrayList<>(record.propertyNames())).isEqualTo(columns);
            List<Object> row = new ArrayList<>();
            for (String column : columns) {
                row.add(cell(record.get(column)));
            }
            rows.add(row);
        }
        return new Decoded(columns, rows);
    }

    static Decoded frame(org.chapkit.ml.data.DataFrame frame) {
        return new Decoded(frame.columns(), rows(frame.rows()));
    }

    static List<List<Object>> rows(List<? extends List<?>> rows) {
        List<List<Object>> normalised = new ArrayList<>();
        for (List<?> row : rows) {
            List<Object> cells = new ArrayList<>();
            for (Object value : row) {
                cells.add(cell(value));
            }
            normalised.add(cells);
        }
        return normalised;
    }

    /** Integers as {@code Long}, other numbers as {@code Double}, JSON nodes as Java values, null as null. */
    static Object cell(Object value) {
        if (value instanceof JsonNode node) {
            if (node.isNull() || node.isMissingNode()) {
                return null;
            }
            if (node.isIntegralNumber()) {
                return node.longValue();
            }
            if (node.isNumber()) {
                return node.doubleValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isString()) {
                return node.stringValue();
            }
            return node;
        }
        if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof BigInteger) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return ((Number) value).doubleValue();
        }
        return value;
    }

    static OutputStream compress(OutputStream out, Compression compression) throws IOException {
        return switch (compression) {
            case NONE -> out;
            case GZIP -> new GZIPOutputStream(out);
            case BZIP2 -> new BZip2CompressorOutputStream(out);
        };
    }

    static InputStream decompress(InputStream in, Compression compression) throws IOException {
        return switch (compression) {
            case NONE -> in;
            case GZIP -> new GZIPInputStream(in);
            case BZIP2 -> new BZip2CompressorInputStream(in);
        };
    }
}
