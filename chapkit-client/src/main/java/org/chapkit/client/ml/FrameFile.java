package org.chapkit.client.ml;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.chapkit.client.ChapkitClientException;

/**
 * A DataFrame file to send to {@code $train} or {@code $predict}: CSV, Parquet, JSON or JSON Lines, optionally gzipped.
 * The service picks the reader from {@link #contentType()}, or from {@link #fileName()} when the type is generic.
 * Files are streamed from disk, never read into memory.
 */
public final class FrameFile {

    /** Media type of CSV. */
    public static final String CSV = "text/csv";

    /** Media type of Apache Parquet. */
    public static final String PARQUET = "application/vnd.apache.parquet";

    /** Media type of a DataFrame or an array of records as JSON. */
    public static final String JSON = "application/json";

    /** Media type of JSON Lines (one record per line). */
    public static final String JSON_LINES = "application/jsonl";

    private final String fileName;
    private final String contentType;
    private final Path path;
    private final byte[] bytes;

    private FrameFile(String fileName, String contentType, Path path, byte[] bytes) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.path = path;
        this.bytes = bytes;
    }

    /**
     * A file on disk, its type from the extension: {@code .csv}, {@code .parquet}, {@code .json}, {@code .jsonl},
     * each optionally followed by {@code .gz}.
     *
     * @param file the file
     * @return the frame file
     * @throws IllegalArgumentException when the extension names none of these formats
     */
    public static FrameFile of(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String plain = lower.endsWith(".gz") ? lower.substring(0, lower.length() - 3) : lower;
        String type;
        if (plain.endsWith(".csv")) {
            type = CSV;
        } else if (plain.endsWith(".parquet")) {
            type = PARQUET;
        } else if (plain.endsWith(".jsonl") || plain.endsWith(".ndjson")) {
            type = JSON_LINES;
        } else if (plain.endsWith(".json")) {
            type = JSON;
        } else {
            throw new IllegalArgumentException(
                    "Cannot tell the format of " + file + "; use FrameFile.of(file, contentType)");
        }
        return new FrameFile(name, lower.endsWith(".gz") ? "application/gzip" : type, file, null);
    }

    /**
     * A file on disk with an explicit media type (for example {@link #CSV}).
     *
     * @param file the file
     * @param contentType its media type
     * @return the frame file
     */
    public static FrameFile of(Path file, String contentType) {
        return new FrameFile(file.getFileName().toString(), contentType, file, null);
    }

    /**
     * Bytes held in memory.
     *
     * @param bytes the file's bytes
     * @param fileName a file name (its extension helps when the type is generic)
     * @param contentType its media type
     * @return the frame file
     */
    public static FrameFile of(byte[] bytes, String fileName, String contentType) {
        return new FrameFile(fileName, contentType, null, bytes.clone());
    }

    /**
     * CSV text with a header row.
     *
     * @param csv the text
     * @return the frame file
     */
    public static FrameFile csv(String csv) {
        return of(csv.getBytes(StandardCharsets.UTF_8), "data.csv", CSV);
    }

    /**
     * The file name sent in the part's {@code Content-Disposition}.
     *
     * @return the name
     */
    public String fileName() {
        return fileName;
    }

    /**
     * The media type sent as the part's {@code Content-Type}.
     *
     * @return the type
     */
    public String contentType() {
        return contentType;
    }

    BodyPublisher publisher() {
        if (bytes != null) {
            return BodyPublishers.ofByteArray(bytes);
        }
        try {
            return BodyPublishers.ofFile(path);
        } catch (FileNotFoundException e) {
            throw new ChapkitClientException("Cannot upload " + path + ": file not found", e);
        }
    }

    @Override
    public String toString() {
        return "FrameFile[" + fileName + ", " + contentType + "]";
    }
}
