package org.chapkit.client.artifact;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How {@code $download} or {@code $export} renders a file.
 *
 * @param format the DataFrame format; {@code null} means the content as stored for {@code $download} and the
 *     server's default ({@code csv}) for {@code $export}
 * @param compression compress the file itself (the client writes the {@code .gz}/{@code .bz2} file as it is)
 * @param gzipTransfer send {@code Accept-Encoding: gzip} and decompress the response on the fly: less traffic, the
 *     same bytes written (only used when {@code compression} is {@link Compression#NONE})
 */
public record DownloadOptions(DataFormat format, Compression compression, boolean gzipTransfer) {

    /** The content as stored, uncompressed: what {@link ArtifactClient#download(String, java.nio.file.Path)} gets. */
    public static final DownloadOptions AS_STORED = new DownloadOptions(null, Compression.NONE, false);

    /** Requires a compression ({@link Compression#NONE} for none). */
    public DownloadOptions {
        Objects.requireNonNull(compression, "compression");
    }

    /**
     * A download rendered in {@code format}, uncompressed.
     *
     * @param format the format
     * @return the options
     */
    public static DownloadOptions as(DataFormat format) {
        return new DownloadOptions(Objects.requireNonNull(format, "format"), Compression.NONE, false);
    }

    /**
     * A copy whose file is compressed.
     *
     * @param compression the compression
     * @return the new options
     */
    public DownloadOptions compressed(Compression compression) {
        return new DownloadOptions(format, compression, gzipTransfer);
    }

    /**
     * A copy that asks for {@code Content-Encoding: gzip} on the wire and decompresses while writing.
     *
     * @return the new options
     */
    public DownloadOptions withGzipTransfer() {
        return new DownloadOptions(format, compression, true);
    }

    /**
     * The {@code Content-Type} the server answers with, when a format is set.
     *
     * @return for example {@code application/gzip} for a gzip-compressed CSV, or {@code null} without a format
     */
    public String expectedContentType() {
        return format == null ? null : compression.mediaType(format.mediaType());
    }

    Map<String, Object> query() {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("format", format == null ? null : format.wireValue());
        query.put("compression", compression.wireValue());
        return query;
    }

    boolean acceptsGzip() {
        return gzipTransfer && compression == Compression.NONE;
    }
}
