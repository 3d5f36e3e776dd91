package org.chapkit.artifact.transfer.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.chapkit.problem.BadRequestException;

/**
 * The {@code compression} of a download: {@code gzip} or {@code bzip2} compress the file itself (its name gets
 * {@code .gz}/{@code .bz2} and the type becomes {@code application/gzip}/{@code application/x-bzip2}); without it, a
 * client sending {@code Accept-Encoding: gzip} gets the same file with {@code Content-Encoding: gzip}.
 */
public enum DownloadCompression {
    NONE("", null),
    GZIP(".gz", "application/gzip"),
    BZIP2(".bz2", "application/x-bzip2");

    private final String suffix;
    private final String mediaType;

    DownloadCompression(String suffix, String mediaType) {
        this.suffix = suffix;
        this.mediaType = mediaType;
    }

    /** Parses the query parameter; absent or blank is {@link #NONE}. */
    public static DownloadCompression parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "gzip", "gz" -> GZIP;
            case "bzip2", "bz2" -> BZIP2;
            case "none" -> NONE;
            default ->
                throw new BadRequestException(
                        "Unknown compression '" + value + "'; use gzip or bzip2 (or leave it out)");
        };
    }

    /** Whether an {@code Accept-Encoding} header accepts gzip (a {@code q=0} refusal excluded). */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.strip().split(";");
            String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                for (int i = 1; i < pieces.length; i++) {
                    String param = pieces[i].strip().toLowerCase(Locale.ROOT);
                    if (param.startsWith("q=") && Double.parseDouble(param.substring(2)) == 0) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** The file name with this compression's suffix. */
    public String fileName(String name) {
        return name + suffix;
    }

    /** The response type: the compressed container's type, or {@code contentType} itself. */
    public String mediaType(String contentType) {
        return mediaType == null ? contentType : mediaType;
    }

    /** Unwraps a compressed request body. */
    public java.io.InputStream unwrap(java.io.InputStream in) throws IOException {
        return switch (this) {
            case NONE -> in;
            case GZIP -> new java.util.zip.GZIPInputStream(in, 64 * 1024);
            case BZIP2 -> new org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream(in);
        };
    }

    /**
     * gzip at level 1: a download is compressed while it streams, and level 1 deflates text several times faster
     * than the default level 6, for a somewhat larger file.
     */
    private static final class FastGzip extends GZIPOutputStream {

        FastGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    /** Wraps {@code out}; closing the result finishes the compressed stream but not {@code out}'s socket semantics. */
    public OutputStream wrap(OutputStream out) throws IOException {
        return switch (this) {
            case NONE -> out;
            case GZIP -> new FastGzip(out);
            case BZIP2 -> new BZip2CompressorOutputStream(out);
        };
    }
}
