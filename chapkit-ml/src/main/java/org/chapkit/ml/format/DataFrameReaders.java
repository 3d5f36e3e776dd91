package org.chapkit.ml.format;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.data.DataFrameCsv;
import org.chapkit.problem.BadRequestException;
import org.chapkit.web.DecompressionLimits;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads CSV, Parquet, JSON and JSON Lines into a {@link DataFrame} with chapkit's type rules: CSV columns are typed
 * as {@link DataFrameCsv#read} does (empty → null; booleans; integers → {@link Long}; numbers → {@link Double};
 * otherwise strings); Parquet columns keep their physical type (INT32/INT64 → {@link Long}, FLOAT/DOUBLE →
 * {@link Double}, BOOLEAN, BINARY → {@link String}); JSON cells keep their JSON type. Malformed input is answered
 * with {@link BadRequestException}.
 */
public final class DataFrameReaders {

    private DataFrameReaders() {}

    /**
     * Reads a body in the named format.
     *
     * @param format {@code csv}, {@code parquet}, {@code json} or {@code jsonl}
     * @param in the body; not closed
     * @param mapper reads JSON
     * @return the frame
     * @throws BadRequestException when the format is unknown or the body malformed
     */
    public static DataFrame read(String format, InputStream in, JsonMapper mapper) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> readCsv(in);
            case "parquet" -> readParquet(in);
            case "json" -> readJson(in, mapper);
            case "jsonl" -> readJsonLines(in, mapper);
            default ->
                throw new BadRequestException("Unknown format '" + format + "'; use csv, parquet, json or jsonl");
        };
    }

    /**
     * Reads UTF-8 CSV with a header row (a leading byte order mark is skipped).
     *
     * @param in the CSV; not closed
     * @return the frame
     * @throws BadRequestException when the CSV is malformed or has no header row
     */
    public static DataFrame readCsv(InputStream in) {
        DataFrame frame;
        try {
            // strict UTF-8: bytes that are not UTF-8 are an error, never U+FFFD
            BufferedReader reader = new BufferedReader(new InputStreamReader(
                    in,
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)));
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            frame = DataFrameCsv.read(reader);
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException ex) {
            if (rootCause(ex) instanceof CharacterCodingException) {
                throw new BadRequestException("The CSV is not valid UTF-8 text; send it encoded as UTF-8", ex);
            }
            throw new BadRequestException("Malformed CSV: " + rootMessage(ex), ex);
        }
        if (frame.columns().isEmpty()) {
            throw new BadRequestException("The CSV has no header row");
        }
        return frame;
    }

    /**
     * Reads a Parquet file (spooled to a temporary file, since Parquet is read from its footer).
     *
     * @param in the file; not closed
     * @return the frame
     * @throws BadRequestException when the file is not Parquet, or has nested columns
     * @throws org.chapkit.problem.ChapkitException 406 when the Parquet libraries are not on the class path
     */
    public static DataFrame readParquet(InputStream in) {
        ParquetSupport.require();
        Path file = null;
        try {
            file = Files.createTempFile("chapkit-import-", ".parquet");
            try (var out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
            return ParquetFrames.read(file);
        } catch (IOException ex) {
            throw new BadRequestException("Malformed Parquet: " + ex.getMessage(), ex);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ex) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    /**
     * Reads JSON: a DataFrame ({@code {"columns": […], "data": [[…]]}}) or an array of records
     * ({@code [{"a": 1}, …]}, columns in order of first appearance).
     *
     * @param in the JSON; not closed
     * @param mapper reads JSON
     * @return the frame
     * @throws BadRequestException when the JSON is malformed or neither shape
     */
    public static DataFrame readJson(InputStream in, JsonMapper mapper) {
        try {
            JsonNode node = mapper.readTree(in);
            if (node != null && node.isObject() && node.has("columns") && node.has("data")) {
                return mapper.treeToValue(node, DataFrame.class);
            }
            if (node != null && node.isArray()) {
                List<JsonNode> records = new ArrayList<>();
                node.forEach(records::add);
                return fromRecords(records);
            }
            throw new BadRequestException(
                    "JSON must be a DataFrame {\"columns\": [...], \"data\": [[...]]} or an array of records");
        } catch (JacksonException ex) {
            throw new BadRequestException("Malformed JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    /**
     * Reads JSON Lines: one record object per line.
     *
     * @param in the JSON Lines; not closed
     * @param mapper reads JSON
     * @return the frame
     * @throws BadRequestException when a line is not a JSON object
     */
    public static DataFrame readJsonLines(InputStream in, JsonMapper mapper) {
        List<JsonNode> records = new ArrayList<>();
        try (JsonParser p = mapper.createParser(in)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token != JsonToken.START_OBJECT) {
                    throw new BadRequestException("Each JSON Lines record must be an object, found " + token);
                }
                records.add(p.readValueAsTree());
            }
        } catch (JacksonException ex) {
            throw new BadRequestException("Malformed JSON Lines: " + ex.getOriginalMessage(), ex);
        }
        return fromRecords(records);
    }

    /**
     * The format of a file from its media type, falling back to its file name's extension when the media type says
     * nothing ({@code application/octet-stream}, {@code text/plain} or absent). A trailing {@code .gz} is ignored.
     *
     * @param mediaType the media type without parameters, or null
     * @param fileName the file name, or null
     * @return {@code csv}, {@code parquet}, {@code json} or {@code jsonl}; empty when neither names a DataFrame
     *     format
     */
    public static Optional<String> formatOf(String mediaType, String fileName) {
        String type = mediaType == null ? "" : mediaType.strip().toLowerCase(Locale.ROOT);
        Optional<String> byType = switch (type) {
            case "text/csv", "application/csv" -> Optional.of("csv");
            case "application/vnd.apache.parquet", "application/x-parquet", "application/parquet" ->
                Optional.of("parquet");
            case "application/json", "application/vnd.chapkit.dataframe+json" -> Optional.of("json");
            case "application/jsonl", "application/x-ndjson", "application/jsonlines" -> Optional.of("jsonl");
            default -> Optional.empty();
        };
        boolean unspecific = type.isEmpty()
                || type.equals("application/octet-stream")
                || type.equals("text/plain")
                || type.equals("application/gzip")
                || type.equals("application/x-gzip");
        if (byType.isPresent() || !unspecific || fileName == null) {
            return byType;
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return switch (extension) {
            case "csv" -> Optional.of("csv");
            case "parquet", "pq" -> Optional.of("parquet");
            case "json" -> Optional.of("json");
            case "jsonl", "ndjson" -> Optional.of("jsonl");
            default -> Optional.empty();
        };
    }

    /**
     * The stream, decompressed when it starts with gzip's magic bytes; a DataFrame file (CSV, JSON, Parquet's
     * {@code PAR1}) never does, so uploads may be gzipped without saying so.
     *
     * The decompressed bytes are bounded by {@code limits} while they stream (413 beyond them).
     *
     * @param in the stream
     * @param limits what the decompressed stream may grow to
     * @param what names the body in a 413 detail, for example {@code Part 'data'}
     * @return a stream of the plain bytes
     * @throws IOException when the gzip header is corrupt
     */
    public static InputStream gunzipped(InputStream in, DecompressionLimits limits, String what) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        if (first == 0x1f && second == 0x8b) {
            return limits.limit(buffered, GZIPInputStream::new, what);
        }
        return buffered;
    }

    /**
     * {@code in} decompressed when it starts with the gzip magic bytes, else as it is; without limits, for trusted
     * input only (see {@link #gunzipped(InputStream, DecompressionLimits, String)}).
     *
     * @param in the stream
     * @return the plain stream
     * @throws IOException when the gzip header is broken
     */
    public static InputStream gunzipped(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        if (first == 0x1f && second == 0x8b) {
            return new GZIPInputStream(buffered);
        }
        return buffered;
    }

    private static Throwable rootCause(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message =
                root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return root == ex || ex.getMessage() == null || ex.getMessage().contains(message)
                ? message
                : ex.getMessage() + ": " + message;
    }

    private static DataFrame fromRecords(List<JsonNode> records) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (JsonNode record : records) {
            if (!record.isObject()) {
                throw new BadRequestException("Each record must be a JSON object");
            }
            record.propertyNames().forEach(name -> columns.putIfAbsent(name, columns.size()));
        }
        List<List<Object>> rows = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            Object[] cells = new Object[columns.size()];
            columns.forEach((name, index) -> cells[index] = cell(record.get(name)));
            rows.add(DataFrame.row(cells));
        }
        return DataFrame.of(List.copyOf(columns.keySet()), rows);
    }

    private static Object cell(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            BigInteger big = node.bigIntegerValue();
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node;
    }
}
