package org.chapkit.client.artifact;

import java.util.Locale;
import java.util.Optional;

/**
 * A file format for DataFrame content, as named in the {@code format} parameter of {@code $download},
 * {@code $export} and {@code $import}.
 */
public enum DataFormat {
    /** Comma-separated values, chapkit's CSV dialect ({@code text/csv}). */
    CSV("text/csv"),
    /** A JSON array of records ({@code application/json}). */
    JSON("application/json"),
    /** JSON Lines, one record per line ({@code application/jsonl}). */
    JSONL("application/jsonl"),
    /** Apache Parquet ({@code application/vnd.apache.parquet}); the service needs the optional Parquet jars. */
    PARQUET("application/vnd.apache.parquet");

    private final String mediaType;

    DataFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /**
     * The value of the {@code format} query parameter.
     *
     * @return for example {@code csv}
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The media type of a file in this format: the {@code Content-Type} of an uncompressed download, and the one
     * the client sends with an import.
     *
     * @return for example {@code text/csv}
     */
    public String mediaType() {
        return mediaType;
    }

    /**
     * The file name extension, without a dot (the same as {@link #wireValue()}).
     *
     * @return for example {@code parquet}
     */
    public String extension() {
        return wireValue();
    }

    /**
     * The format a file name's extension names, looking through a {@code .gz}/{@code .bz2} suffix
     * ({@code predictions.csv.gz} → {@link #CSV}).
     *
     * @param fileName a file name
     * @return the format, or empty when the extension names none
     */
    public static Optional<DataFormat> ofFileName(String fileName) {
        String name = Compression.stripSuffix(fileName.toLowerCase(Locale.ROOT));
        for (DataFormat format : values()) {
            if (name.endsWith("." + format.extension())) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
